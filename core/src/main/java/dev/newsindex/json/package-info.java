/**
 * The JSON form of newsindex's values, written in one place so that every front end speaks the same
 * field names: the command line's {@code --json} and {@code --ndjson} and the HTTP server's API
 * both write through {@link dev.newsindex.json.NewsJson}.
 *
 * <p>It streams with jackson-core's {@link com.fasterxml.jackson.core.JsonGenerator} (no object
 * mapping): each method writes one value onto a generator the caller owns, so a caller can put
 * several in one document or one per line. Field names are snake_case and stable; a field that may
 * be absent is written as {@code null} rather than left out, except {@code metadata} and {@code
 * explanation} on a hit, which appear only when there is something to say.
 */
package dev.newsindex.json;
