package io.airlock.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean X?" for misspelt keys and names: the closest candidate within a small edit distance. */
final class Suggestions {

    private static final int MAX_COMPARED_LENGTH = 64;

    private Suggestions() {
    }

    /** " (did you mean 'x'?)" for the closest candidate, or "" when none is close. */
    static String didYouMean(String typed, Collection<String> candidates) {
        String best = closest(typed, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The candidate closest to {@code typed}, ignoring case and '-' versus '_', or null when none is close. */
    static String closest(String typed, Collection<String> candidates) {
        if (typed.length() > MAX_COMPARED_LENGTH) {
            return null;
        }
        String a = normalise(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.length() > MAX_COMPARED_LENGTH) {
                continue;
            }
            int d = distance(a, normalise(c));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = a.length() <= 4 ? 1 : Math.min(3, a.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Levenshtein distance; both strings are at most 64 characters. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
