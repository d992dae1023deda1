package io.github.seedream4j.cli;

import io.github.seedream4j.SeedreamException;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** One instance of every final subtype of the sealed {@link SeedreamException}, built through its public constructor. */
final class Exceptions {

    private Exceptions() {
    }

    /** Every subtype the sealed root permits: a new one shows up here without a change to any test. */
    @SuppressWarnings("unchecked")
    static List<Class<? extends SeedreamException>> subtypes() {
        List<Class<? extends SeedreamException>> all = new ArrayList<>();
        for (Class<?> c : SeedreamException.class.getPermittedSubclasses()) {
            all.add((Class<? extends SeedreamException>) c);
        }
        return all;
    }

    /** An instance of {@code type} with a message, provider {@code fake} and {@code jobId} (null for none) if it takes one. */
    static SeedreamException of(Class<? extends SeedreamException> type, String jobId) {
        Constructor<?> widest = Arrays.stream(type.getConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
        Object[] args = new Object[widest.getParameterCount()];
        int strings = 0;
        for (int i = 0; i < args.length; i++) {
            if (widest.getParameterTypes()[i] == String.class) {
                args[i] = strings == 0 ? type.getSimpleName() + " happened" : strings == 1 ? "fake" : jobId;
                strings++;
            } else if (widest.getParameterTypes()[i] == boolean.class) {
                args[i] = false;
            }
        }
        try {
            return (SeedreamException) widest.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build " + type, e);
        }
    }
}
