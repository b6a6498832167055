package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.InvalidRequestException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reason a reader rejects a record is a {@link RejectedRecordException} with a one-line
 * message: the readers catch that type only, so no other exception passes for a bad record.
 */
class RejectedRecordTest {

  static Stream<Arguments> badRecords() {
    Function<String, Object> json = JsonLinesReader::parseLine;
    Function<String, Object> menafn = MenafnTextReader::parse;
    Function<String, Object> trec = TrecReader::parse;
    return Stream.of(
        Arguments.of(json, "[1]", "not a JSON object"),
        Arguments.of(json, "{\"id\":\"1\",\"body\":\"x", "bad JSON"),
        Arguments.of(json, "{\"body\":\"x\"}", "no \"id\""),
        Arguments.of(json, "{\"id\":\"  \",\"body\":\"x\"}", "no \"id\""),
        Arguments.of(json, "{\"id\":\"1\",\"title\":\" \"}", "empty article 1"),
        Arguments.of(json, "{\"id\":\"1\",\"body\":\"x\",\"date\":\"2023-02-30\"}", "bad date"),
        Arguments.of(json, "{\"id\":\"1\"} {}", "more than one JSON value"),
        Arguments.of(menafn, "Just text.\n\nMENAFN03022023000045ID7", "header"),
        Arguments.of(menafn, " date 2023-02-03 (X) No trailer.", "trailer"),
        Arguments.of(menafn, " date 2023-13-03 (X) Text.\n\nMENAFN03022023000045ID7", "bad date"),
        Arguments.of(trec, "<TEXT>words</TEXT>", "no <DOCNO>"),
        Arguments.of(trec, "<DOCNO> </DOCNO><TEXT>words</TEXT>", "no <DOCNO>"),
        Arguments.of(trec, "<DOCNO>d1</DOCNO><TEXT>words", "without </TEXT>"),
        Arguments.of(trec, "<DOCNO>d1</DOCNO><HEADLINE> </HEADLINE>", "empty article d1"),
        Arguments.of(trec, "<DOCNO>d1</DOCNO><DATE>1999-02-30</DATE><TEXT>w</TEXT>", "bad date"));
  }

  @ParameterizedTest
  @MethodSource("badRecords")
  void eachReasonIsATypedOneLineRejection(Function<String, Object> reader, String record,
      String reason) {
    RejectedRecordException e = assertThrows(RejectedRecordException.class,
        () -> reader.apply(record));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aDateOutsideARecordIsARefusedValueNotARejectedRecord() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> Dates.parse("2023-02-30"));
    assertTrue(e.getMessage().startsWith("bad date '2023-02-30'"), e.getMessage());
  }
}
