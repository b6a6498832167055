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
}
