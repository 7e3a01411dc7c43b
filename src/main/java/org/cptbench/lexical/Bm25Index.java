package org.cptbench.lexical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cptbench.data.trec.TrecOrder;
import org.cptbench.data.trec.TrecRun;

/**
 * An in-memory Lucene index of one corpus in Anserini's "flat" layout: each document's whole text in one field
 * ({@value #FIELD}), analysed by the given analyzer, scored by {@link BM25Similarity}. A query is the bag of its
 * analysed tokens, one SHOULD {@link TermQuery} per token occurrence (Anserini's {@code BagOfWordsQueryGenerator}:
 * a repeated token counts twice). Every matching document is scored, then the top {@code depth} are kept in
 * trec_eval's order (score descending, ties by document id descending), so the cut-off is deterministic.
 */
final class Bm25Index implements AutoCloseable {
  static final String FIELD = "contents";
  private static final String POSITION = "position";

  private final Analyzer analyzer;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<String> ids;

  Bm25Index(Analyzer analyzer, BM25Similarity similarity, List<String> ids, List<String> texts) {
    if (ids.size() != texts.size()) {
      throw new IllegalArgumentException("ids (" + ids.size() + ") and texts (" + texts.size() + ") differ in size");
    }
    this.analyzer = analyzer;
    this.ids = List.copyOf(ids);
    this.directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity).setRAMBufferSizeMB(256);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < texts.size(); i++) {
        Document doc = new Document();
        doc.add(new TextField(FIELD, texts.get(i), Field.Store.NO));
        doc.add(new NumericDocValuesField(POSITION, i));
        writer.addDocument(doc);
      }
      writer.commit();
      reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
  }

  /** The analysed tokens of {@code text}, in order, repeats kept. */
  List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The top {@code depth} documents for {@code text}, leaving out the document whose id is {@code exclude}. */
  List<TrecRun.Entry> search(String text, int depth, String exclude) {
    List<String> tokens = tokens(text);
    if (tokens.isEmpty()) {
      return List.of();
    }
    if (tokens.size() > IndexSearcher.getMaxClauseCount()) {
      IndexSearcher.setMaxClauseCount(tokens.size());
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (String t : tokens) {
      builder.add(new TermQuery(new Term(FIELD, t)), BooleanClause.Occur.SHOULD);
    }
    Query query = builder.build();
    Comparator<TrecRun.Entry> worstFirst = TrecOrder.RUN_ORDER.reversed();
    try {
      List<PriorityQueue<TrecRun.Entry>> heaps = searcher.search(query, new CollectorManager<TopCollector,
          List<PriorityQueue<TrecRun.Entry>>>() {
        @Override
        public TopCollector newCollector() {
          return new TopCollector(depth, worstFirst, exclude);
        }

        @Override
        public List<PriorityQueue<TrecRun.Entry>> reduce(java.util.Collection<TopCollector> collectors) {
          return collectors.stream().map(c -> c.heap).toList();
        }
      });
      PriorityQueue<TrecRun.Entry> top = new PriorityQueue<>(worstFirst);
      for (PriorityQueue<TrecRun.Entry> h : heaps) {
        for (TrecRun.Entry e : h) {
          offer(top, e, depth, worstFirst);
        }
      }
      List<TrecRun.Entry> ranked = new ArrayList<>(top);
      ranked.sort(TrecOrder.RUN_ORDER);
      return ranked;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void offer(PriorityQueue<TrecRun.Entry> heap, TrecRun.Entry e, int depth,
      Comparator<TrecRun.Entry> worstFirst) {
    if (heap.size() < depth) {
      heap.add(e);
    } else if (worstFirst.compare(e, heap.peek()) > 0) {
      heap.poll();
      heap.add(e);
    }
  }

  /** Scores every matching document and keeps the best {@code depth} in trec_eval's order. */
  private final class TopCollector extends SimpleCollector {
    final PriorityQueue<TrecRun.Entry> heap;
    private final int depth;
    private final Comparator<TrecRun.Entry> worstFirst;
    private final String exclude;
    private Scorable scorer;
    private NumericDocValues positions;

    TopCollector(int depth, Comparator<TrecRun.Entry> worstFirst, String exclude) {
      this.depth = depth;
      this.worstFirst = worstFirst;
      this.exclude = exclude;
      this.heap = new PriorityQueue<>(worstFirst);
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      positions = context.reader().getNumericDocValues(POSITION);
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      if (!positions.advanceExact(doc)) {
        throw new IllegalStateException("document " + doc + " has no position");
      }
      String id = ids.get((int) positions.longValue());
      if (id.equals(exclude)) {
        return;
      }
      offer(heap, new TrecRun.Entry(id, scorer.score()), depth, worstFirst);
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
