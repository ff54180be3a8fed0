package io.mlecs.eval.bertscore;

import java.util.List;

/** Turns sentences into per-token contextual embeddings (the model side of BERTScore). */
public interface TokenEncoder {

  /**
   * Encodes sentences.
   *
   * @param texts the sentences
   * @return one result per sentence, in input order
   */
  List<TokenEmbeddings> encode(List<String> texts);

  /**
   * The id of the classification token that starts every sequence.
   *
   * @return e.g. 101 for BERT vocabularies
   */
  long clsTokenId();

  /**
   * The id of the separator token that ends every sequence.
   *
   * @return e.g. 102 for BERT vocabularies
   */
  long sepTokenId();

  /**
   * A short description of the model, for reports.
   *
   * @return e.g. the model name and layer
   */
  String describe();
}
