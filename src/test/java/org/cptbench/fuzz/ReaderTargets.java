package org.cptbench.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.config.SuiteSpec;
import org.cptbench.data.retrieval.CorpusSampling;
import org.cptbench.data.retrieval.QaQuestionsReader;
import org.cptbench.data.retrieval.RetrievalLoader;
import org.cptbench.data.senteval.SentEvalLoader;
import org.cptbench.data.sts.StsLoader;
import org.cptbench.data.trec.QrelsReader;
import org.cptbench.data.trec.TrecRunReader;
import org.cptbench.model.Checkpoint;
import org.cptbench.text.CptTokenizer;

/**
 * Every reader a user feeds files to, as a fuzz target: the fuzzed bytes become one file of a folder whose other
 * files are valid, and the folder is loaded the way {@code eval} or {@code run} loads it. {@link #file} names the
 * fuzzed file, which the project's error must name.
 */
enum ReaderTargets {
  QRELS("qrels.txt", "q1 0 d1 1\nq1 0 d2 0\n"),
  TREC_RUN("run.trec", "q1 Q0 d1 1 2.5 sys\nq1 Q0 d2 2 1.5 sys\n"),
  BEIR_CORPUS("corpus.jsonl", "{\"_id\":\"d1\",\"title\":\"t\",\"text\":\"a b\"}\n{\"_id\":\"d2\",\"title\":\"\",\"text\":\"c\"}\n"),
  BEIR_QUERIES("queries.jsonl", "{\"_id\":\"q1\",\"text\":\"a\"}\n"),
  BEIR_QRELS("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n"),
  MSMARCO_COLLECTION("collection.tsv", "1\tfirst passage\n2\tsecond passage\n"),
  STSB("sts-test.csv", "main-captions\tMSRvid\t2012test\t0001\t5.000\tA man plays.\tA man is playing.\n"),
  SEMEVAL_STS_INPUT("STS.input.MSRpar.txt", "A man plays.\tA man is playing.\n"),
  SEMEVAL_STS_GOLD("STS.gs.MSRpar.txt", "4.5\n"),
  SICK("SICK_test_annotated.txt",
      "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n1\tA dog runs.\tA dog is running.\t4.6\tENTAILMENT\n"),
  SENTEVAL_BINARY("rt-polarity.pos", "a fine film .\nwonderful .\n"),
  SENTEVAL_TREC("train_5500.label", "DESC:manner How did serfdom develop ?\nENTY:cremat What films featured cats ?\n"),
  SENTEVAL_SST("sentiment-train", "a fine film .\t1\nawful .\t0\n"),
  MRPC("msr_paraphrase_train.txt", "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA man plays.\tA man is playing.\n"),
  DPR_PASSAGES("psgs_w100.tsv", "id\ttext\ttitle\n1\tParis is the capital of France.\tParis\n"),
  QA_QUESTIONS_CSV("nq-test.csv", "who is the capital of france\t['Paris']\n"),
  QA_QUESTIONS_JSONL("nq-open.jsonl", "{\"question\": \"capital of france\", \"answer\": [\"Paris\"]}\n"),
  SUITE_YAML("suite.yaml", "name: s\ntasks: [sts/STSBenchmark]\nsweep:\n  batchSize: [8, 16]\n"),
  TOKENIZER_JSON("tokenizer.json", null),
  CHECKPOINT_CONFIG("config.json",
      "{\"format\":\"cptbench-checkpoint/1\",\"encoder\":{\"vocabSize\":64,\"layers\":1,\"width\":8,\"heads\":1,"
          + "\"ffn\":16,\"maxTokens\":8,\"attention\":\"causal\",\"pooling\":\"eos\"}}");

  final String file;
  final String valid;

  ReaderTargets(String file, String valid) {
    this.file = file;
    this.valid = valid;
  }

  /** Writes the folder for this target with {@code fuzzed} as its file, and loads it. */
  void load(Path dir, byte[] fuzzed) throws IOException {
    Path f = dir.resolve(file);
    Files.createDirectories(f.getParent());
    switch (this) {
      case QRELS -> QrelsReader.read(write(f, fuzzed));
      case TREC_RUN -> TrecRunReader.read(write(f, fuzzed));
      case BEIR_CORPUS, BEIR_QUERIES, BEIR_QRELS -> {
        for (ReaderTargets t : List.of(BEIR_CORPUS, BEIR_QUERIES, BEIR_QRELS)) {
          Files.createDirectories(dir.resolve(t.file).getParent());
          write(dir.resolve(t.file), t == this ? fuzzed : t.validBytes());
        }
        RetrievalLoader.load(dir, "test", CorpusSampling.KEEP_ALL);
      }
      case MSMARCO_COLLECTION -> {
        write(f, fuzzed);
        write(dir.resolve("queries.dev.tsv"), "q1\tfirst\n".getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("qrels.dev.tsv"), "q1\t0\t1\t1\n".getBytes(StandardCharsets.UTF_8));
        RetrievalLoader.load(dir, null, CorpusSampling.KEEP_ALL);
      }
      case STSB, SICK -> {
        write(f, fuzzed);
        StsLoader.load(dir, "test");
      }
      case SEMEVAL_STS_INPUT, SEMEVAL_STS_GOLD -> {
        write(dir.resolve(SEMEVAL_STS_INPUT.file), this == SEMEVAL_STS_INPUT ? fuzzed : bytes(SEMEVAL_STS_INPUT));
        write(dir.resolve(SEMEVAL_STS_GOLD.file), this == SEMEVAL_STS_GOLD ? fuzzed : bytes(SEMEVAL_STS_GOLD));
        StsLoader.load(dir, "test");
      }
      case SENTEVAL_BINARY -> {
        write(f, fuzzed);
        write(dir.resolve("rt-polarity.neg"), "dull .\nboring film .\n".getBytes(StandardCharsets.UTF_8));
        SentEvalLoader.load(dir);
      }
      case SENTEVAL_TREC -> {
        write(f, fuzzed);
        write(dir.resolve("TREC_10.label"), "NUM:date When was it ?\n".getBytes(StandardCharsets.UTF_8));
        SentEvalLoader.load(dir);
      }
      case SENTEVAL_SST -> {
        write(f, fuzzed);
        write(dir.resolve("sentiment-dev"), "fine .\t1\n".getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("sentiment-test"), "bad .\t0\n".getBytes(StandardCharsets.UTF_8));
        SentEvalLoader.load(dir);
      }
      case MRPC -> {
        write(f, fuzzed);
        write(dir.resolve("msr_paraphrase_test.txt"), bytes(MRPC));
        SentEvalLoader.load(dir);
      }
      case DPR_PASSAGES -> {
        write(f, fuzzed);
        write(dir.resolve("nq-test.csv"), bytes(QA_QUESTIONS_CSV));
        RetrievalLoader.loadQa(dir, "test", CorpusSampling.KEEP_ALL);
      }
      case QA_QUESTIONS_CSV, QA_QUESTIONS_JSONL -> QaQuestionsReader.read(write(f, fuzzed));
      case SUITE_YAML -> SuiteSpec.parse(new String(fuzzed, StandardCharsets.UTF_8), f.toString());
      case TOKENIZER_JSON -> {
        try (CptTokenizer t = CptTokenizer.load(write(f, fuzzed))) {
          t.vocabSize();
        }
      }
      case CHECKPOINT_CONFIG -> {
        write(f, fuzzed);
        Checkpoint.specFromJson(Checkpoint.readConfig(dir).path("encoder"), f.toString());
      }
    }
  }

  private static byte[] bytes(ReaderTargets t) {
    return t.validBytes();
  }

  /** A file this reader accepts (the tokenizer is trained by cptbench's own BPE trainer on two sentences). */
  byte[] validBytes() {
    if (this == TOKENIZER_JSON) {
      var model =
          new org.cptbench.text.BpeTrainer(org.cptbench.text.BpeTrainer.Config.defaults().withVocabSize(300))
              .train(java.util.stream.Stream.of("the cat sat on the mat", "a dog ran"));
      return org.cptbench.text.TokenizerJson.toJsonString(model).getBytes(StandardCharsets.UTF_8);
    }
    return valid.getBytes(StandardCharsets.UTF_8);
  }

  private static Path write(Path f, byte[] b) throws IOException {
    Files.write(f, b);
    return f;
  }
}
