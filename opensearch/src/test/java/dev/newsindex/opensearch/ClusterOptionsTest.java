package dev.newsindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {
  @Test
  void theEnvironmentGivesWhatTheCommandLineDoesNot() {
    Map<String, String> env = Map.of(ClusterOptions.URL_ENV, "https://a:9200, https://b:9201",
        ClusterOptions.INDEX_ENV, "wire", ClusterOptions.USER_ENV, "reader",
        ClusterOptions.PASSWORD_ENV, "s3cret", ClusterOptions.CA_ENV, "/etc/ca.pem");
    ClusterOptions o = ClusterOptions.fromEnvironment(env, null, null, null, null);
    assertEquals(2, o.nodes().size());
    assertEquals("wire", o.index());
    assertEquals("reader", o.user());
    assertEquals("s3cret", o.password());
    assertEquals(Path.of("/etc/ca.pem"), o.caCertificate());
    ClusterOptions given = ClusterOptions.fromEnvironment(env, "http://c:9200", "news", null,
        null);
    assertEquals("http://c:9200", given.nodes().get(0).toString());
    assertEquals("news", given.index());
  }

  @Test
  void thePasswordIsNeverShown() {
    ClusterOptions o = ClusterOptions.of("https://a:9200").withCredentials("reader", "s3cret");
    assertFalse(o.toString().contains("s3cret"), o.toString());
    assertTrue(o.toString().contains("reader"));
    IllegalArgumentException inUrl = assertThrows(IllegalArgumentException.class,
        () -> ClusterOptions.of("https://reader:s3cret@a:9200"));
    assertFalse(inUrl.getMessage().contains("s3cret"), inUrl.getMessage());
  }

  @Test
  void badPartsAreOneLineErrors() {
    assertThrows(IllegalArgumentException.class, () -> ClusterOptions.of("ftp://a"));
    assertThrows(IllegalArgumentException.class, () -> ClusterOptions.of(" , "));
    assertThrows(IllegalArgumentException.class,
        () -> ClusterOptions.of("http://a:9200").withIndex("News"));
    assertThrows(IllegalArgumentException.class,
        () -> ClusterOptions.fromEnvironment(Map.of(), null, null, null, null));
    IllegalArgumentException noPassword = assertThrows(IllegalArgumentException.class,
        () -> ClusterOptions.fromEnvironment(Map.of(ClusterOptions.URL_ENV, "http://a:9200"),
            null, null, "reader", null));
    assertTrue(noPassword.getMessage().contains(ClusterOptions.PASSWORD_ENV));
    assertNull(ClusterOptions.of("http://a:9200").user());
  }

  @Test
  void aCaCertificateThatCannotBeReadIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Cluster(ClusterOptions.of("https://127.0.0.1:9").withCaCertificate(
            Path.of("/nonexistent/ca.pem"))));
    assertTrue(e.getMessage().contains("/nonexistent/ca.pem"), e.getMessage());
  }
}
