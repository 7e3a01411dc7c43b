package org.cptbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cptbench.CptbenchException;
import org.cptbench.data.corpus.DebianPackages;
import org.cptbench.data.corpus.Document;
import org.cptbench.data.corpus.PackageCorpus;
import org.cptbench.data.corpus.PackageCorpusBuilder;
import org.cptbench.data.corpus.TokenPack;
import org.cptbench.text.BpeTrainer;
import org.cptbench.text.CptTokenizer;
import org.cptbench.text.TokenizerJson;
import org.cptbench.train.CorpusSpec;
import org.cptbench.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./harness corpus NAME [--tokenizer FILE | --vocab-size N]}: builds a package corpus once (its documents and
 * card under {@code cache/corpora/}), packs it into token ids with a tokenizer (given, or a byte-level BPE trained on
 * the corpus and cached beside it), and prints the card and the token count.
 */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    description = "Build a corpus from an installed documentation package once, pack it into tokens, print its card.")
public final class CorpusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "python-docs, linux-docs, postgresql-docs or debian-handbook.")
  String name;

  @Option(names = "--tokenizer", paramLabel = "FILE", description = "A tokenizer.json to pack with.")
  Path tokenizer;

  @Option(
      names = "--vocab-size",
      paramLabel = "N",
      defaultValue = "16384",
      description = "Without --tokenizer: train a BPE of N entries on the corpus. Default: ${DEFAULT-VALUE}.")
  int vocabSize;

  @Option(
      names = "--tokenizer-chars",
      paramLabel = "C",
      description = "Characters of text (a prefix) the BPE is trained on. Default: train's default.")
  Long tokenizerChars;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Default: cache/corpora.")
  Path cacheDir;

  @Override
  public Integer call() throws Exception {
    PackageCorpus c =
        PackageCorpus.find(name)
            .orElseThrow(
                () ->
                    new CptbenchException(
                        "corpus: unknown '" + name + "'; allowed: "
                            + PackageCorpus.ALL.stream().map(PackageCorpus::name).collect(Collectors.joining(", "))));
    Path dir =
        PackageCorpusBuilder.ensureBuilt(
            c, cacheDir != null ? cacheDir : PackageCorpusBuilder.DEFAULT_CACHE, DebianPackages.STATUS);
    List<Document> docs = PackageCorpusBuilder.documents(dir);
    Path tok = tokenizer;
    if (tok == null) {
      long chars = tokenizerChars != null ? tokenizerChars : CorpusSpec.DEFAULT_TOKENIZER_CHARS;
      tok = dir.resolve("tokenizer-bpe" + vocabSize + "-" + chars + ".json");
      if (!Files.exists(tok)) {
        System.err.printf(Locale.ROOT, "training a BPE tokenizer (vocab %d) on %,d characters%n", vocabSize, chars);
        TokenizerJson.write(
            new BpeTrainer(BpeTrainer.Config.defaults().withVocabSize(vocabSize).withMaxChars(chars))
                .train(docs.stream().map(Document::text)),
            tok);
      }
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tok)));
    JsonNode pack;
    try (CptTokenizer t = CptTokenizer.load(tok)) {
      pack = TokenPack.ensurePacked(TokenPack.file(dir, sha), name, docs, t, sha, t.padId());
    }
    JsonNode card = PackageCorpusBuilder.card(dir);
    System.out.println(Json.write(card));
    System.out.printf(
        Locale.ROOT,
        "%s: %s %s, %,d documents, %,d paragraphs, %,d words, %,d tokens (%s) in %s%n",
        name,
        c.debianPackage(),
        card.path("version").asText(),
        card.path("counts").path("documents").asLong(),
        card.path("counts").path("paragraphs").asLong(),
        card.path("counts").path("words").asLong(),
        pack.path("tokens").asLong(),
        tok.getFileName(),
        TokenPack.file(dir, sha));
    return 0;
  }
}
