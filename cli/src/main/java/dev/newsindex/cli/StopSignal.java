package dev.newsindex.cli;

import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestProgress;
import dev.newsindex.ingest.Origin;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a command writes: the first asks the command to stop at the
 * next article and finish cleanly (commit what it wrote, or roll back), the second ends the process
 * at once (the index then holds its last commit, as after a kill). Installed for the duration of
 * {@code index}, {@code rebuild} and {@code delete}; closing restores the JVM's own handling.
 *
 * <p>The handlers are the JDK's {@code sun.misc.Signal} (module jdk.unsupported), reached by
 * reflection because javac reports every direct use of it as a warning that cannot be suppressed.
 * Where it is missing, nothing is installed and a signal ends the process as before.
 */
final class StopSignal implements AutoCloseable {
  private volatile ExitCode requested;
  private final List<Object[]> previous = new ArrayList<>();

  private StopSignal() {}

  /** Installs the handlers for SIGINT and SIGTERM. */
  static StopSignal install() {
    StopSignal stop = new StopSignal();
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Method handle = signal.getMethod("handle", signal, handlerType);
      for (ExitCode code : List.of(ExitCode.INTERRUPTED, ExitCode.TERMINATED)) {
        Object sig = signal.getConstructor(String.class)
            .newInstance(code == ExitCode.INTERRUPTED ? "INT" : "TERM");
        Object handler = Proxy.newProxyInstance(StopSignal.class.getClassLoader(),
            new Class<?>[] {handlerType}, (proxy, method, args) -> {
              if (method.getName().equals("handle")) {
                stop.signalled(code);
                return null;
              }
              return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "StopSignal(" + code + ")";
              };
            });
        stop.previous.add(new Object[] {sig, handle.invoke(null, sig, handler)});
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // No signal handling on this JVM (or the signal is taken, e.g. -Xrs): the JVM's default.
    }
    return stop;
  }

  private void signalled(ExitCode code) {
    if (requested != null) {
      Runtime.getRuntime().halt(code.code); // asked twice: stop now, the last commit stays
    }
    requested = code;
  }

  /** The signal received so far, as the exit code to end with. */
  Optional<ExitCode> requested() {
    return Optional.ofNullable(requested);
  }

  /** Asks the command to stop as a signal would: for tests. */
  void request(ExitCode code) {
    requested = code;
  }

  /** {@code target}, also asking the ingest run to stop once a signal came. */
  IngestListener stopping(IngestListener target) {
    return new IngestListener() {
      @Override
      public void written(Origin origin, String id, IndexOutcome outcome) {
        target.written(origin, id, outcome);
      }

      @Override
      public void replacedOtherSource(Origin origin, String id, String previousSource,
          String source) {
        target.replacedOtherSource(origin, id, previousSource, source);
      }

      @Override
      public void skipped(Origin origin, String reason) {
        target.skipped(origin, reason);
      }

      @Override
      public void progress(IngestProgress progress) {
        target.progress(progress);
      }

      @Override
      public void committed(long articles) {
        target.committed(articles);
      }

      @Override
      public boolean stopRequested() {
        return requested != null || target.stopRequested();
      }
    };
  }

  /** Restores the handlers there were before. */
  @Override
  public void close() {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Method handle = signal.getMethod("handle", signal, handlerType);
      for (Object[] p : previous) {
        handle.invoke(null, p[0], p[1]);
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // nothing was installed
    }
  }
}
