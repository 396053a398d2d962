package org.lesionsearch.server.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.lesion.Lesion;

/**
 * Picks the benchmark's filter classes from a workload: no filter, labels whose frequency is
 * closest to 30 %, 3 % and 0.1 %, and a single patient (a different one per query).
 */
public final class FilterClasses {

    private FilterClasses() {
    }

    public static List<FilterClass> choose(List<Lesion> lesions, int queries, long seed) {
        int n = lesions.size();
        Map<String, BitSet> byLabel = new HashMap<>();
        Map<String, Integer> patientNumbers = new HashMap<>();
        int[] patientOf = new int[n];
        for (int doc = 0; doc < n; doc++) {
            Lesion lesion = lesions.get(doc);
            TreeSet<String> any = new TreeSet<>(lesion.labels());
            any.addAll(lesion.reportLabels());
            for (String label : any) {
                byLabel.computeIfAbsent(label, l -> new BitSet(n)).set(doc);
            }
            patientOf[doc] = patientNumbers.computeIfAbsent(lesion.patientId(), p -> patientNumbers.size());
        }
        List<FilterClass> classes = new ArrayList<>();
        classes.add(new FilterClass("none", "no filter", 1.0, q -> Filter.all(), (q, d) -> true));
        for (double target : new double[] {0.30, 0.03, 0.001}) {
            String label = closest(byLabel, n, target);
            BitSet members = byLabel.get(label);
            double selectivity = members.cardinality() / (double) n;
            classes.add(new FilterClass(String.format(Locale.ROOT, "label ~%s%%", percent(target)),
                    "label '" + label + "'", selectivity, q -> Filter.label(label), (q, d) -> members.get(d)));
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0xB5AD4ECEDA1CE2A9L);
        int[] patientOfQuery = new int[queries];
        String[] patientIdOfQuery = new String[queries];
        int[] lesionsOfPatient = new int[patientNumbers.size()];
        for (int doc = 0; doc < n; doc++) {
            lesionsOfPatient[patientOf[doc]]++;
        }
        long matched = 0;
        for (int q = 0; q < queries; q++) {
            int doc = random.nextInt(n);
            patientOfQuery[q] = patientOf[doc];
            patientIdOfQuery[q] = lesions.get(doc).patientId();
            matched += lesionsOfPatient[patientOf[doc]];
        }
        classes.add(new FilterClass("one patient", "a random patient per query", matched / (double) queries / n,
                q -> Filter.patient(patientIdOfQuery[q]), (q, d) -> patientOf[d] == patientOfQuery[q]));
        return classes;
    }

    private static String closest(Map<String, BitSet> byLabel, int n, double target) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Map.Entry<String, BitSet> e : new java.util.TreeMap<>(byLabel).entrySet()) {
            double distance = Math.abs(Math.log(e.getValue().cardinality() / (double) n / target));
            if (distance < bestDistance) {
                best = e.getKey();
                bestDistance = distance;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the workload has no labels to filter on");
        }
        return best;
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return p >= 1 ? String.valueOf((int) Math.round(p)) : String.valueOf(p);
    }
}
