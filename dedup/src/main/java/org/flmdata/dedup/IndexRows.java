package org.flmdata.dedup;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.flmdata.pipeline.Document;
import scala.collection.immutable.ArraySeq;

/**
 * Per partition: the {@link DedupIndex} row of a kept document (id, scope, lang, exact key, band
 * keys, text), keyed exactly as the stage keys its input ({@link KeyMaker.Keys}).
 */
final class IndexRows implements MapPartitionsFunction<Document, Row> {
  private static final long serialVersionUID = 1L;

  private final DedupSettings.Plan plan;

  IndexRows(DedupSettings.Plan plan) {
    this.plan = plan;
  }

  @Override
  public Iterator<Row> call(Iterator<Document> docs) {
    KeyMaker.Keys keys = new KeyMaker.Keys(plan);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return docs.hasNext();
      }

      @Override
      public Row next() {
        Document d = docs.next();
        DocKey k = keys.of(d);
        return RowFactory.create(k.getId(), k.getScope(), d.getLang(), k.getH1(), k.getH2(),
            ArraySeq.unsafeWrapArray(k.getBands()), d.getText());
      }
    };
  }
}
