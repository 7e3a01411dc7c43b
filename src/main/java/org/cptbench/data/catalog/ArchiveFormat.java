package org.cptbench.data.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** How a download is unpacked: a single gzip'd file, or a zip / gzip'd tar archive with several members. */
public enum ArchiveFormat {
  GZ("gz"),
  ZIP("zip"),
  TAR_GZ("tar.gz");

  private final String id;

  ArchiveFormat(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** True for formats with named members (zip, tar.gz); false for a single gzip'd file. */
  public boolean hasMembers() {
    return this != GZ;
  }

  @JsonCreator
  public static ArchiveFormat of(String id) {
    for (ArchiveFormat f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "archive: '" + id + "' is not supported; allowed: " + Arrays.stream(values()).map(ArchiveFormat::id).toList());
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(ArchiveFormat::id).toList();
  }
}
