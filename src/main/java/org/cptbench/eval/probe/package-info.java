/**
 * Linear-probe classification of fixed sentence embeddings under the SentEval protocol (Conneau and Kiela 2018,
 * {@code facebookresearch/SentEval}, {@code senteval/tools/validation.py}, scikit-learn path {@code usepytorch=False}):
 * L2-regularised logistic regression whose inverse penalty {@code C} is chosen on held-out data.
 *
 * <ul>
 *   <li>{@link org.cptbench.eval.probe.CrossValidatedProbe}: MR, CR, SUBJ, MPQA ({@code InnerKFoldClassifier}).
 *   <li>{@link org.cptbench.eval.probe.SplitProbe}: SST-2 ({@code SplitClassifier}), TREC and MRPC
 *       ({@code KFoldClassifier}).
 *   <li>{@link org.cptbench.eval.probe.LinearProbe}: one fit for one {@code C}.
 * </ul>
 */
package org.cptbench.eval.probe;
