package dev.newsindex.cli;

import dev.newsindex.NewsIndex;
import dev.newsindex.eval.Evaluation;
import dev.newsindex.eval.Evaluator;
import dev.newsindex.eval.Measures;
import dev.newsindex.eval.Qrels;
import dev.newsindex.eval.Run;
import dev.newsindex.eval.Topic;
import dev.newsindex.eval.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsindex eval}: runs a test collection's topics and scores them with its qrels. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {
        "Run the topics of a test collection against an index and score the ranking with TREC"
            + " qrels: MAP, nDCG@10, P@10 and recall@1000, per query and overall, printed as"
            + " trec_eval -q -c prints them (measure, query id or 'all', value).",
        "Topics: TSV 'qid<TAB>query' lines, or TREC <top> topics (the <title> is the query)."
            + " Queries are plain text (query syntax is escaped); with --mode any (the default) any"
            + " word may match, with --mode all every word must; the top 1000 articles are ranked"
            + " and ties are broken as trec_eval does. nDCG@10 follows trec_eval's convention: the"
            + " gain of an article is its judged grade."})
final class EvalCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Option(names = "--topics", required = true, paramLabel = "FILE",
      description = "The topics (queries): TSV or TREC topic format.")
  Path topics;

  @Option(names = "--qrels", required = true, paramLabel = "FILE",
      description = "The relevance judgments, TREC qrels: 'qid 0 docid grade' per line.")
  Path qrels;

  @Option(names = "--run", paramLabel = "OUT",
      description = "Also write the ranking as a TREC run file ('qid Q0 docid rank score tag').")
  Path runFile;

  @Option(names = "--mode", paramLabel = "any|all", defaultValue = "any",
      converter = ModeConverter.class,
      description = "How a topic's words combine: any may match, or all must (default:"
          + " ${DEFAULT-VALUE}).")
  Evaluator.Mode mode;

  @Option(names = "--tag", paramLabel = "NAME", defaultValue = "newsindex",
      description = "The run tag in the run file and the runid line (default: ${DEFAULT-VALUE}).")
  String tag;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    for (Path p : new Path[] {topics, qrels}) {
      if (!Files.isRegularFile(p)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + p);
      }
    }
    List<Topic> queries = Topics.read(topics);
    Qrels judgments = Qrels.read(qrels);
    Path dir = index.resolve(Defaults.fromEnvironment());
    Run run;
    try (NewsIndex news = NewsIndex.open(dir)) {
      run = Evaluator.run(news, queries, mode);
    }
    if (runFile != null) {
      try (Writer w = Files.newBufferedWriter(runFile, StandardCharsets.UTF_8)) {
        run.write(w, tag);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "# newsindex eval: mode %s (%s), %d topics%n", mode.id(),
        mode == Evaluator.Mode.ANY ? "any word of a topic may match" : "every word must match",
        queries.size());
    out.println("# nDCG@10 follows trec_eval: gain = the judged grade, discount log2(rank + 1),"
        + " ideal ranking from the qrels");
    print(out, Evaluation.of(run, judgments), tag);
    out.flush();
    return ExitCode.OK.code;
  }

  /** Reads {@code --mode}. */
  static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Evaluator.Mode> {
    @Override
    public Evaluator.Mode convert(String value) {
      try {
        return Evaluator.Mode.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** The evaluation in trec_eval's layout: per query, then {@code all}. */
  static void print(PrintWriter out, Evaluation e, String tag) {
    for (Map.Entry<String, Measures> q : e.perQuery().entrySet()) {
      lines(out, q.getKey(), q.getValue());
    }
    line(out, "runid", "all", tag);
    line(out, "num_q", "all", Integer.toString(e.perQuery().size()));
    lines(out, "all", e.mean());
  }

  private static void lines(PrintWriter out, String qid, Measures m) {
    line(out, "num_ret", qid, Integer.toString(m.retrieved()));
    line(out, "num_rel", qid, Integer.toString(m.relevant()));
    line(out, "num_rel_ret", qid, Integer.toString(m.relevantRetrieved()));
    line(out, "map", qid, value(m.map()));
    line(out, "P_10", qid, value(m.p10()));
    line(out, "recall_1000", qid, value(m.recall1000()));
    line(out, "ndcg_cut_10", qid, value(m.ndcg10()));
  }

  private static String value(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static void line(PrintWriter out, String measure, String qid, String value) {
    out.printf(Locale.ROOT, "%-22s\t%s\t%s%n", measure, qid, value);
  }
}
