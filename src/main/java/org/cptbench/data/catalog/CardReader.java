package org.cptbench.data.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;

/**
 * Reads a catalog card from YAML (Jackson YAML). Unknown keys, duplicate keys, wrong types and invalid values are
 * errors that name the card file, the line and the key (for unknown keys, also the allowed keys).
 */
public final class CardReader {
  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private CardReader() {}

  /** The card in a YAML file. */
  public static DatasetCard read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog card " + file, e);
    }
  }

  /**
   * The card in a YAML stream.
   *
   * @param source names the card in errors (a file path or resource name)
   */
  public static DatasetCard read(InputStream in, String source) {
    return read(in, source, DatasetCard.class, "catalog card");
  }

  /**
   * A YAML document bound to a record type with the same strictness and error messages as a card (a folder's
   * {@code task.yaml}, {@link TaskDescription}).
   *
   * @param what names the document in errors ("catalog card", "task description")
   */
  public static <T> T read(InputStream in, String source, Class<T> type, String what) {
    String text;
    try {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + source, e);
    }
    try {
      T value = MAPPER.readValue(text, type);
      if (value == null) {
        throw new CptbenchException(source + ": empty " + what);
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> allowed = new TreeSet<>();
      e.getKnownPropertyIds().forEach(id -> allowed.add(String.valueOf(id)));
      throw new CptbenchException(
          source
              + keyLine(text, e.getPropertyName(), tokenLocation(e))
              + ": unknown key '"
              + e.getPropertyName()
              + "'"
              + path(e)
              + "; allowed keys: "
              + allowed,
          e);
    } catch (ValueInstantiationException e) {
      // A record constructor rejected a value: its message names the field; the parser location would be the end of
      // the enclosing mapping, so it is not shown.
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new CptbenchException(source + ": " + root.getMessage() + path(e), e);
    } catch (JsonMappingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String problem = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
      throw new CptbenchException(source + where(tokenLocation(e)) + ": " + problem + path(e), e);
    } catch (JsonProcessingException e) {
      throw new CptbenchException(
          source + where(e.getLocation()) + ": invalid YAML: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The line of an unknown key: record creators buffer properties, so the parser is already past the key when the
   * error is raised; the first line that starts with {@code key:} (after indentation and list dashes) is reported.
   */
  private static String keyLine(String text, String key, JsonLocation fallback) {
    Pattern p = Pattern.compile("^[ \\t-]*" + Pattern.quote(key) + "\\s*:");
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (p.matcher(lines[i]).find()) {
        return ":" + (i + 1);
      }
    }
    return where(fallback);
  }

  /** Where the offending token starts (the exception's own location can be one token further on). */
  private static JsonLocation tokenLocation(JsonProcessingException e) {
    if (e.getProcessor() instanceof JsonParser p && p.currentTokenLocation() != null) {
      return p.currentTokenLocation();
    }
    return e.getLocation();
  }

  private static String where(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr();
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "" : " (at " + sb + ")";
  }
}
