/**
 * Training machinery below the engine: {@link io.mlecs.core.train.StageTrainer} (one stage's minibatch
 * loop: placeholders, LoRA dropout masks, gradients, Adam, optional penalty such as FedProx's
 * {@link io.mlecs.core.train.ProximalTerm}), {@link io.mlecs.core.train.AdamOptimizer},
 * {@link io.mlecs.core.train.BackbonePretrainer} (the frozen backbones' pretraining on public text),
 * {@link io.mlecs.core.train.ModelContext} (tokenizer, backbones, shapes shared by a run) and the
 * factories of device and server parameter sets; {@link io.mlecs.core.train.TrainableSets} names what
 * each stage may update.
 */
package io.mlecs.core.train;
