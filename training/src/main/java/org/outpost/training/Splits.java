package org.outpost.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.outpost.app.ml.ClevelandCase.Labelled;

/** Stratified splits with a fixed seed: each outcome is shuffled on its own and dealt out, so shares match. */
final class Splits {
    private Splits() {
    }

    /** A training part and a held-out part. */
    record Split(List<Labelled> train, List<Labelled> heldOut) {
        Split {
            train = List.copyOf(train);
            heldOut = List.copyOf(heldOut);
        }
    }

    /** Holds out {@code heldOutShare} of each outcome (rounded), the rest is for training; both in file order. */
    static Split holdOut(List<Labelled> rows, double heldOutShare, long seed) {
        List<Labelled> train = new ArrayList<>();
        List<Labelled> heldOut = new ArrayList<>();
        Random random = new Random(seed);
        for (boolean outcome : new boolean[] {false, true}) {
            List<Integer> idx = indices(rows, outcome);
            Collections.shuffle(idx, random);
            int held = (int) Math.round(idx.size() * heldOutShare);
            for (int i = 0; i < idx.size(); i++) {
                (i < held ? heldOut : train).add(rows.get(idx.get(i)));
            }
        }
        return new Split(inFileOrder(rows, train), inFileOrder(rows, heldOut));
    }

    /** {@code k} stratified folds: fold {@code i}'s held-out part is every k-th row of each shuffled outcome. */
    static List<Split> folds(List<Labelled> rows, int k, long seed) {
        List<List<Labelled>> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            parts.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        for (boolean outcome : new boolean[] {false, true}) {
            List<Integer> idx = indices(rows, outcome);
            Collections.shuffle(idx, random);
            for (int i = 0; i < idx.size(); i++) {
                parts.get(i % k).add(rows.get(idx.get(i)));
            }
        }
        List<Split> folds = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            List<Labelled> train = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    train.addAll(parts.get(j));
                }
            }
            folds.add(new Split(inFileOrder(rows, train), inFileOrder(rows, parts.get(i))));
        }
        return folds;
    }

    /** A bootstrap resample: {@code rows.size()} rows drawn with replacement. */
    static List<Labelled> resample(List<Labelled> rows, long seed) {
        Random random = new Random(seed);
        List<Labelled> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(random.nextInt(rows.size())));
        }
        return out;
    }

    private static List<Integer> indices(List<Labelled> rows, boolean outcome) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).disease() == outcome) {
                idx.add(i);
            }
        }
        return idx;
    }

    private static List<Labelled> inFileOrder(List<Labelled> all, List<Labelled> part) {
        java.util.IdentityHashMap<Labelled, Integer> position = new java.util.IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i), i);
        }
        List<Labelled> sorted = new ArrayList<>(part);
        sorted.sort(java.util.Comparator.comparingInt(position::get));
        return sorted;
    }
}
