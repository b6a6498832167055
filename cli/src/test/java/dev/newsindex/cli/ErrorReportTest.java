package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.IndexNotFoundException;
import dev.newsindex.InvalidCursorException;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.QuerySyntaxException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a command's exception becomes: one line on stderr and a documented exit code. */
class ErrorReportTest {
  record Report(int code, String err) {}

  static Report report(Exception e, boolean verbose) {
    StringWriter err = new StringWriter();
    int code = NewsCli.report(e, new PrintWriter(err), verbose);
    return new Report(code, err.toString());
  }

  @Test
  void theLibrarysTypedErrorsAreTheUsersAndOneLine() {
    assertEquals(ExitCode.USAGE.code,
        report(new InvalidRequestException("limit must be between 1 and 10000, not 0"), false)
            .code());
    assertEquals(ExitCode.USAGE.code, report(new InvalidCursorException("stale cursor"), false)
        .code());
    assertEquals(ExitCode.USAGE.code, report(new QuerySyntaxException("a (b", 3, "unclosed", null),
        false).code());
    assertEquals(ExitCode.NO_INDEX.code, report(new IndexNotFoundException(Path.of("/x")), false)
        .code());
    Report io = report(new UncheckedIOException(new IOException("disk full")), false);
    assertEquals(ExitCode.IO_ERROR.code, io.code());
    assertEquals("newsindex: I/O error: disk full\n", io.err().replace("\r", ""));
    Report missing = report(new NoSuchFileException("/tmp/feeds"), false);
    assertEquals(ExitCode.IO_ERROR.code, missing.code());
    assertEquals("newsindex: no such file or directory: /tmp/feeds\n",
        missing.err().replace("\r", ""));
  }

  @Test
  void anExceptionFromInsideLuceneOrJacksonIsAnInternalErrorInOneLine() {
    // As Lucene or Jackson throw them: a plain IllegalArgumentException is a bug, not bad input.
    for (RuntimeException e : new RuntimeException[] {
        new IllegalArgumentException("maxClauseCount must be >= 1"),
        new IllegalStateException("this IndexWriter is closed"),
        new NullPointerException()}) {
      Report quiet = report(e, false);
      assertEquals(ExitCode.INTERNAL.code, quiet.code(), e.toString());
      assertEquals(1, quiet.err().lines().count(), quiet.err());
      assertTrue(quiet.err().startsWith("newsindex: internal error: " + e), quiet.err());
      assertTrue(quiet.err().contains("--verbose"), quiet.err());

      Report verbose = report(e, true);
      assertEquals(ExitCode.INTERNAL.code, verbose.code());
      assertTrue(verbose.err().lines().count() > 2, "a stack trace with --verbose");
      assertTrue(verbose.err().contains("\tat dev.newsindex.cli.ErrorReportTest"), verbose.err());
    }
  }
}
