package org.cptbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cptbench.CptbenchException;

/**
 * A node of a YAML/JSON configuration with its dotted path, so that every error names the key, the bad value and
 * what is allowed. Unknown keys are errors.
 */
public record ConfigNode(JsonNode node, String path, String source) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Parses a YAML (or JSON) file. */
  public static ConfigNode read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses YAML text; {@code source} names it in errors. */
  public static ConfigNode parse(String yaml, String source) {
    try {
      JsonNode n = YAML.readTree(yaml);
      if (n == null || !n.isObject()) {
        throw new CptbenchException(source + ": expected a mapping of keys at the top level");
      }
      return new ConfigNode(n, "", source);
    } catch (IOException e) {
      throw new CptbenchException(source + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  public String key(String k) {
    return path.isEmpty() ? k : path + "." + k;
  }

  private CptbenchException error(String k, String problem) {
    return new CptbenchException(source + ": " + key(k) + ": " + problem);
  }

  /** Rejects keys outside {@code allowed}. */
  public ConfigNode allowOnly(String... allowed) {
    Set<String> ok = new TreeSet<>(Arrays.asList(allowed));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ok.contains(k)) {
        throw error(k, "unknown key; allowed keys here: " + ok);
      }
    }
    return this;
  }

  public boolean has(String k) {
    return node.has(k) && !node.get(k).isNull();
  }

  public ConfigNode child(String k) {
    JsonNode c = node.get(k);
    if (c == null || !c.isObject()) {
      throw error(k, "expected a mapping, got " + describe(c));
    }
    return new ConfigNode(c, key(k), source);
  }

  public JsonNode raw(String k) {
    return node.get(k);
  }

  public int getInt(String k, int dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw error(k, "expected an integer, got " + describe(v));
    }
    return v.asInt();
  }

  public long getLong(String k, long dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    if (!v.isIntegralNumber()) {
      throw error(k, "expected an integer, got " + describe(v));
    }
    return v.asLong();
  }

  public double getDouble(String k, double dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    if (!v.isNumber()) {
      throw error(k, "expected a number, got " + describe(v));
    }
    return v.asDouble();
  }

  public String getString(String k, String dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    if (!v.isTextual() && !v.isNumber()) {
      throw error(k, "expected a string, got " + describe(v));
    }
    return v.asText();
  }

  public boolean getBoolean(String k, boolean dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    if (!v.isBoolean()) {
      throw error(k, "expected true or false, got " + describe(v));
    }
    return v.asBoolean();
  }

  /** A list of integers (a single integer is a one-element list). */
  public List<Integer> getIntList(String k, List<Integer> dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    List<Integer> out = new ArrayList<>();
    if (v.isIntegralNumber()) {
      out.add(v.asInt());
      return out;
    }
    if (!v.isArray()) {
      throw error(k, "expected a list of integers, got " + describe(v));
    }
    for (JsonNode e : v) {
      if (!e.isIntegralNumber()) {
        throw error(k, "expected a list of integers, got element " + describe(e));
      }
      out.add(e.asInt());
    }
    return out;
  }

  /** A list of strings (a single string is a one-element list). */
  public List<String> getStringList(String k, List<String> dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      throw error(k, "expected a list of strings, got " + describe(v));
    }
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw error(k, "expected a list of strings, got element " + describe(e));
      }
      out.add(e.asText());
    }
    return out;
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull()) {
      return "nothing";
    }
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    return "'" + v.asText() + "'";
  }
}
