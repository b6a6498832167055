package dev.newsindex.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where {@code newsindex shell} reads its lines: a terminal with line editing and history (JLine),
 * or plain lines from a pipe.
 */
interface LineInput extends Closeable {
  /**
   * The next line, after showing {@code prompt}; an empty line when Ctrl-C cancelled the line
   * being typed; null at the end of the input (Ctrl-D).
   */
  String read(String prompt) throws IOException;

  /** Plain lines, without prompts: input from a pipe or a file. */
  static LineInput of(BufferedReader lines) {
    return new LineInput() {
      @Override
      public String read(String prompt) throws IOException {
        return lines.readLine();
      }

      @Override
      public void close() {
        // standard input, or the caller's reader: not ours to close
      }
    };
  }

  /**
   * The process's terminal, with the history kept in {@code history}. Ctrl-C while a query runs is
   * ignored (each search is bounded by its timeout), so it never ends the shell.
   */
  static LineInput system(Path history) throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true)
        .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
    return of(terminal, history);
  }

  /** Lines edited on {@code terminal}, which the returned input closes; history in memory when null. */
  static LineInput of(Terminal terminal, Path history) {
    LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("newsindex");
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    LineReader reader = builder.build();
    return new LineInput() {
      @Override
      public String read(String prompt) {
        try {
          return reader.readLine(prompt);
        } catch (UserInterruptException cancelled) {
          return ""; // Ctrl-C: the line is dropped, the shell goes on
        } catch (EndOfFileException end) {
          return null;
        }
      }

      @Override
      public void close() throws IOException {
        try {
          reader.getHistory().save();
        } finally {
          terminal.close();
        }
      }
    };
  }
}
