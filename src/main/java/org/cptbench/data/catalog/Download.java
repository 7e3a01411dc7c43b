package org.cptbench.data.catalog;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where {@code datasets fetch} gets catalogued files. Three forms:
 *
 * <ul>
 *   <li>{@code url} + {@code file}: the URL is the file itself (its sha256 is the catalogued file's);
 *   <li>{@code url} + {@code archive: gz} + {@code file}: the URL is the gzip'd file;
 *   <li>{@code url} + {@code archive: zip|tar.gz} + {@code members}: archive member path -> catalogued path.
 * </ul>
 *
 * URLs must be {@code https://} (plain {@code http://} only to the loopback host, for tests).
 *
 * @param url where to download
 * @param file the catalogued path it produces (forms 1 and 2)
 * @param archive null for a plain file, else how to unpack it
 * @param members archive member -> catalogued path (form 3)
 * @param sha256 optional hash of the downloaded object itself (an archive's own hash), checked when given
 */
public record Download(String url, String file, ArchiveFormat archive, Map<String, String> members, String sha256) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Download {
    URI uri = parseUrl(url);
    if (!"https".equals(uri.getScheme()) && !(("http").equals(uri.getScheme()) && isLoopback(uri.getHost()))) {
      throw new IllegalArgumentException("url: '" + url + "' must be https:// (http:// only to 127.0.0.1/localhost)");
    }
    if (sha256 != null && !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 of " + url + ": '" + sha256 + "', must be 64 lower-case hex digits");
    }
    if (archive == null || !archive.hasMembers()) {
      if (file == null) {
        throw new IllegalArgumentException(
            "download " + url + ": needs 'file' (the catalogued path it produces)" + (archive == null ? "" : " for archive: gz"));
      }
      if (members != null) {
        throw new IllegalArgumentException(
            "download " + url + ": 'members' only with archive: zip or tar.gz, not " + (archive == null ? "a plain file" : "gz"));
      }
      checkPath("file", file);
    } else {
      if (file != null) {
        throw new IllegalArgumentException("download " + url + ": archive " + archive.id() + " takes 'members', not 'file'");
      }
      if (members == null || members.isEmpty()) {
        throw new IllegalArgumentException(
            "download " + url + ": archive " + archive.id() + " needs 'members' (archive path -> catalogued path)");
      }
      members.forEach(
          (member, target) -> {
            checkPath("member", member);
            checkPath("member target", target);
          });
      members = new TreeMap<>(members);
    }
  }

  /** The catalogued paths this download produces. */
  public Collection<String> targets() {
    return file != null ? List.of(file) : members.values();
  }

  private static void checkPath(String what, String p) {
    String problem = SafePaths.problem(p);
    if (problem != null) {
      throw new IllegalArgumentException(what + ": '" + p + "' is not a safe relative path (" + problem + ")");
    }
  }

  static URI parseUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url: missing, required");
    }
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("url: '" + url + "' is not an absolute URL");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("url: '" + url + "' is not a URL (" + e.getReason() + ")");
    }
  }

  static boolean isLoopback(String host) {
    return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
  }
}
