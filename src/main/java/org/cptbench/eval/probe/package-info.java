/**
 * Linear-probe classification of fixed sentence embeddings under the SentEval protocol (Conneau and Kiela 2018,
 * {@code facebookresearch/SentEval}, {@code senteval/tools/validation.py}): logistic regression whose penalty is
 * chosen on held-out data, by SentEval's scikit-learn path ({@code usepytorch=False}, {@link
 * org.cptbench.eval.probe.LinearProbe}) or its PyTorch path ({@link org.cptbench.eval.probe.AdamLogisticRegression});
 * see {@link org.cptbench.eval.probe.ProbeProtocol}.
 *
 * <ul>
 *   <li>{@link org.cptbench.eval.probe.CrossValidatedProbe}: MR, CR, SUBJ, MPQA ({@code InnerKFoldClassifier}).
 *   <li>{@link org.cptbench.eval.probe.SplitProbe}: SST-2 ({@code SplitClassifier}), TREC and MRPC
 *       ({@code KFoldClassifier}).
 *   <li>{@link org.cptbench.eval.probe.LinearProbe}: one fit for one {@code C}; {@link
 *       org.cptbench.eval.probe.AdamLogisticRegression}: one early-stopped fit for one weight decay.
 *   <li>{@link org.cptbench.eval.probe.ProbeItem}: the prediction for one test item (per-item files).
 * </ul>
 */
package org.cptbench.eval.probe;
