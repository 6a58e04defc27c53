package org.outpost.app.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.ensemble.EnsembleModel;

/**
 * Reads the shipped files: Tribuo models from their protobuf form ({@link Model#deserializeFromStream}, never Java
 * serialisation), checked with {@link Model#validate} to predict {@link Label}s; properties files as UTF-8.
 * Every failure is a {@link LearnedModelException} naming the file.
 */
final class TribuoFiles {
    private TribuoFiles() {
    }

    @SuppressWarnings("unchecked")
    static Model<Label> readLabelModel(Function<String, Optional<InputStream>> open, String file) {
        Model<?> model = read(open, file, in -> {
            try {
                return Model.deserializeFromStream(in);
            } catch (IOException | RuntimeException e) {
                throw new LearnedModelException(file + " is not a readable Tribuo model (truncated or damaged?): "
                        + e.getMessage(), e);
            }
        });
        if (!model.validate(Label.class)) {
            throw new LearnedModelException(file + " is a Tribuo model, but not one that predicts labels");
        }
        return (Model<Label>) model;
    }

    @SuppressWarnings("unchecked")
    static List<Model<Label>> members(EnsembleModel<?> ensemble, String file) {
        List<Model<Label>> members = new ArrayList<>();
        for (Model<?> m : ensemble.getModels()) {
            if (!m.validate(Label.class)) {
                throw new LearnedModelException(file + " holds a model that does not predict labels");
            }
            members.add((Model<Label>) m);
        }
        return members;
    }

    static TrainingStatistics statistics(InputStream in, String file) {
        Properties raw = new Properties();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            raw.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new LearnedModelException(file + " is not a readable properties file: " + e.getMessage(), e);
        }
        return TrainingStatistics.readFrom(new CardProperties(raw, file));
    }

    static <T> T read(Function<String, Optional<InputStream>> open, String file, Function<InputStream, T> reader) {
        InputStream in = open.apply(file).orElseThrow(() -> new LearnedModelException("the learned model's file "
                + file + " is missing"));
        try (in) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new LearnedModelException(file + " could not be read: " + e.getMessage(), e);
        }
    }
}
