package dev.newsindex.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a terminal, so that colour is wanted. */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard output is an interactive terminal and {@code NO_COLOR} is not set. On JDK
   * 22+ {@link System#console()} exists even when output is redirected, so {@code isTerminal()}
   * (JDK 22+) is asked when present; we compile for Java 21, hence the reflection.
   */
  static boolean colourWanted() {
    String noColor = System.getenv("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }

  /**
   * True when standard error is an interactive terminal (so a progress bar redrawn in place makes
   * sense) and {@code TERM} is not {@code dumb}. Java cannot ask this of stderr directly: on Linux
   * the descriptor's link names the terminal device; elsewhere a console on a terminal is taken as
   * a sign.
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
    if (java.nio.file.Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        String target = java.nio.file.Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (java.io.IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
