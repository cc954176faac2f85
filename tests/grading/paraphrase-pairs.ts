/**
 * Ten hand-written pairs on shipped topics (rubrics copied from the packs, so the pairs stay put
 * when the packs change): a correct answer in the candidate's own words, and a confident wrong one
 * that uses the same vocabulary with the facts swapped or reversed.
 */
import type { KeyPoint } from '../../src/core/model.js';

export interface Pair {
  question: string;
  keyPoints: KeyPoint[];
  paraphrase: string;
  wrong: string;
}

const kp = (...texts: string[]): KeyPoint[] => texts.map((text) => ({ text, weight: 1 }));

export const PAIRS: Pair[] = [
  {
    question: 'What is overfitting, and how do L1 and L2 regularisation differ in how they combat it?',
    keyPoints: kp(
      'Overfitting means fitting training noise, so training error is low but test error high',
      'Regularisation adds a penalty on weight magnitude to the training loss',
      'L2 penalises the sum of squared weights, shrinking all weights smoothly towards zero',
      'L1 penalises the sum of absolute weights and drives many weights exactly to zero',
      "L1's sparsity performs feature selection; L2 handles correlated features more stably",
    ),
    paraphrase:
      'Overfitting is when a model memorises noise in the training set: training loss looks great but it generalises badly. Both add a penalty for big weights to the loss. L2 uses squared weights and shrinks them all gradually, while L1 uses absolute values and pushes many weights to exactly zero, giving sparse models that effectively select features.',
    wrong:
      'Overfitting is when the model is too simple to learn the training data. L1 squares the weights, so it shrinks them smoothly but never to zero, while L2 uses the absolute values and makes most weights exactly zero, which is why L2 is used for feature selection.',
  },
  {
    question: 'What is causal masking in decoder self-attention, and why is it needed?',
    keyPoints: kp(
      'Prevents each position from attending to positions after it',
      'Adds minus infinity to scores above the diagonal before the softmax',
      'Masked positions receive exactly zero attention weight after the softmax',
      'Keeps training consistent with generation, where future tokens are not yet known',
      'Lets all positions be trained in parallel in a single forward pass',
    ),
    paraphrase:
      'In a decoder each token may only look at itself and earlier tokens: scores for later positions are set to minus infinity before the softmax, so they get zero weight. This matches generation, where the future is unknown, and it lets the whole sequence be trained in parallel in one pass.',
    wrong:
      'Causal masking hides the earlier tokens so that each position only attends to future positions. The masked scores are multiplied by zero after the softmax. It is only used at inference time, and during training the model sees the whole sequence.',
  },
  {
    question: 'What is dropout and why does it reduce overfitting?',
    keyPoints: kp(
      'During training each unit is zeroed independently with probability p',
      'Prevents co-adaptation, forcing units to learn redundant, robust features',
      'Approximates averaging an ensemble of many thinned subnetworks that share weights',
      'At inference dropout is turned off and the full network is used',
    ),
    paraphrase:
      'While training, every neuron is switched off at random with some probability p, so the network cannot rely on any single unit and has to learn redundant features. It behaves like training an ensemble of smaller networks that share weights. At test time dropout is disabled and the whole network is used.',
    wrong:
      'Dropout permanently removes the units with the smallest weights after training, which makes the network smaller. It is applied at inference to speed up prediction, and a higher dropout probability always improves accuracy.',
  },
  {
    question: 'What is the KV cache in autoregressive decoding, and what does it cost?',
    keyPoints: kp(
      "Stores every layer's key and value vectors for all previous tokens",
      'Each new token computes only its own query, key and value and attends over the cache',
      'Avoids recomputing past tokens, so each decode step is linear rather than quadratic in length',
      'Cache size grows linearly with layers, KV heads, head dimension, tokens and batch',
      'Cache memory often limits batch size and context length in serving',
    ),
    paraphrase:
      'During generation the model keeps the keys and values of all earlier tokens in every layer, so a new token only computes its own query, key and value and attends over what is stored. Nothing from the past is recomputed, so each step is linear instead of quadratic. The price is memory: the cache grows with layers, heads, tokens and batch, and it often limits batch size and context length.',
    wrong:
      'The KV cache stores the queries of previous tokens so the model can skip the softmax. It has a fixed size that does not depend on the number of tokens, so it costs almost no memory, and it makes each decoding step quadratic instead of linear.',
  },
  {
    question: 'What is the bias-variance trade-off?',
    keyPoints: kp(
      'Bias is error from overly simple assumptions, causing underfitting',
      'Variance is error from sensitivity to the particular training sample, causing overfitting',
      'Expected squared error decomposes into bias squared plus variance plus irreducible noise',
      'Increasing model capacity typically lowers bias and raises variance',
    ),
    paraphrase:
      'Bias comes from a model that is too simple and underfits; variance comes from a model that reacts too much to the particular training set and overfits. The expected error splits into bias squared, variance and irreducible noise. Making the model more complex lowers bias but raises variance, so you look for the balance.',
    wrong:
      'Bias is the error caused by too much training data and variance is the error caused by too little. Increasing model capacity lowers variance and raises bias, and the total error is just bias times variance.',
  },
  {
    question: 'What is hybrid search, and how does reciprocal rank fusion combine BM25 and dense results?',
    keyPoints: kp(
      'Lexical search excels at exact terms such as IDs, names, error codes and rare words',
      'Dense retrieval captures paraphrases and meaning but can miss exact tokens',
      'Hybrid search runs both retrievers and merges their ranked result lists',
      'RRF scores each document as the sum over lists of 1/(k + rank), with k around 60',
      'RRF uses only ranks, so it needs no calibration between incompatible score scales',
    ),
    paraphrase:
      'Hybrid search runs a keyword retriever such as BM25 and an embedding retriever, then merges the two ranked lists. BM25 is good at exact identifiers and rare words, the dense one at paraphrases. Reciprocal rank fusion gives each document the sum of 1/(k + rank) across the lists, with k usually 60, so it only needs ranks and no calibration of scores.',
    wrong:
      'Hybrid search averages the raw BM25 scores and cosine similarities of each document. Reciprocal rank fusion multiplies the scores from both lists, so the scores must be normalised first. Dense retrieval is best for exact IDs and error codes, while BM25 handles paraphrases.',
  },
  {
    question: 'How do temperature, top-k and top-p (nucleus) sampling affect LLM output?',
    keyPoints: kp(
      'Temperature divides the logits before the softmax',
      'Low temperature sharpens the distribution; high temperature flattens it and adds diversity',
      'Top-k sampling keeps only the k most likely tokens',
      'Top-p keeps the smallest set of tokens whose cumulative probability reaches p',
      'Top-p adapts the number of candidates to how confident the model is',
    ),
    paraphrase:
      'Temperature rescales the logits before the softmax: a small value makes the distribution peakier and close to greedy, a large value flattens it and gives more varied text. Top-k samples only among the k likeliest tokens, and top-p samples from the smallest set whose probabilities add up to p, so the number of candidates adapts to how sure the model is.',
    wrong:
      'Temperature is applied after sampling to filter the output. A higher temperature makes the model more deterministic and a lower one more random. Top-p keeps a fixed number p of tokens, and top-k keeps the tokens whose total probability reaches k.',
  },
  {
    question: 'What is the difference between Post-LN and Pre-LN transformers, and why do most modern LLMs use Pre-LN?',
    keyPoints: kp(
      'Post-LN applies LayerNorm after the residual addition, computing LN(x + F(x))',
      'Pre-LN normalises the sublayer input inside the branch, computing x + F(LN(x))',
      'Pre-LN keeps a clean identity residual path, so gradients reach early layers directly',
      'Post-LN has large gradients near the output at initialisation and needs learning-rate warmup',
      'Pre-LN trains stably in deep models with less sensitivity to warmup and learning rate',
    ),
    paraphrase:
      'Post-LN normalises after adding the residual, LN(x + F(x)), while Pre-LN normalises the input of each sublayer, x + F(LN(x)), which leaves a clean identity path so gradients reach the early layers. That is why Pre-LN trains stably in deep models without much learning-rate warmup.',
    wrong:
      'Pre-LN applies LayerNorm after the residual addition, and Post-LN normalises the sublayer input. Post-LN is used by modern LLMs because it trains without any warmup, while Pre-LN has exploding gradients near the output.',
  },
  {
    question: 'What causes vanishing and exploding gradients in deep networks, and how are they mitigated?',
    keyPoints: kp(
      'Backprop multiplies per-layer Jacobians, so gradient size changes geometrically with depth',
      'Saturating activations like sigmoid and tanh worsen vanishing; ReLU-family activations help',
      'Initialisation such as Xavier/Glorot or He preserves signal variance across layers',
      'Residual connections give gradients an identity path around deep stacks',
      'Gradient clipping caps the gradient norm to stop explosive updates',
    ),
    paraphrase:
      'Backpropagation multiplies one Jacobian per layer, so if those factors are mostly below one the gradient shrinks exponentially with depth, and if above one it blows up. Sigmoid and tanh saturate and make it worse, ReLU helps. The fixes are careful initialisation like Xavier or He, residual connections and gradient clipping.',
    wrong:
      'Vanishing gradients are caused by a learning rate that is too large, and exploding gradients by ReLU activations. They are fixed by switching to sigmoid activations and removing residual connections, which keeps gradients constant across layers.',
  },
  {
    question: 'How do LoRA and QLoRA work, and why are they popular for fine-tuning LLMs?',
    keyPoints: kp(
      'LoRA freezes pretrained weights and learns an update ΔW = BA of small rank r',
      'Trainable parameters and optimiser state shrink by orders of magnitude',
      'B starts at zero, so training begins exactly from the original model',
      'QLoRA stores the frozen base model in 4-bit NF4 and trains LoRA adapters in 16-bit',
    ),
    paraphrase:
      'LoRA keeps the pretrained weights frozen and trains a low-rank update written as the product of two small matrices B and A. That cuts the trainable parameters and optimiser memory enormously, and B starts at zero so training starts from the original model. QLoRA keeps the frozen base in 4-bit NF4 and trains the adapters in 16-bit.',
    wrong:
      'LoRA retrains all the weights of the model but in lower precision, and it adds a full-rank matrix to every layer. QLoRA stores the adapters in 4-bit and the base model in 32-bit, so it needs more memory than ordinary fine-tuning.',
  },
];
