package org.lesionsearch.core.ontology;

import java.util.Map;

/**
 * Folds an English plural noun to its singular the way Lucene's minimal English stemmer does
 * ("nodules", "lymph nodes", "opacities"), plus the Latin and Greek plurals radiology reports use
 * ("metastases", "diverticula"). Words ending in "is" are singular nouns ("pelvis", "metastasis")
 * and stay as they are.
 */
public final class EnglishPlurals {

    /** Irregular plurals and the singular they fold to. */
    public static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("metastases", "metastasis"),
            Map.entry("diverticula", "diverticulum"),
            Map.entry("pleurae", "pleura"),
            Map.entry("vertebrae", "vertebra"),
            Map.entry("bronchi", "bronchus"),
            Map.entry("hila", "hilum"),
            Map.entry("pelves", "pelvis"),
            Map.entry("calyces", "calyx"),
            Map.entry("adnexae", "adnexa"),
            Map.entry("lymphadenopathies", "lymphadenopathy"),
            Map.entry("necroses", "necrosis"),
            Map.entry("stenoses", "stenosis"),
            Map.entry("anastomoses", "anastomosis"),
            Map.entry("thrombi", "thrombus"),
            Map.entry("emboli", "embolus"));

    private EnglishPlurals() {
    }

    /** The singular of a lower-case word; other words come back unchanged. */
    public static String fold(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        int len = word.length();
        if (len < 3 || word.charAt(len - 1) != 's' || word.endsWith("is")) {
            return word;
        }
        char beforeS = word.charAt(len - 2);
        if (beforeS == 'u' || beforeS == 's') {
            return word;
        }
        if (beforeS == 'e') {
            char third = word.charAt(len - 3);
            if (len > 3 && third == 'i' && word.charAt(len - 4) != 'a' && word.charAt(len - 4) != 'e') {
                return word.substring(0, len - 3) + "y";
            }
            if (third == 'i' || third == 'a' || third == 'o' || third == 'e') {
                return word;
            }
        }
        return word.substring(0, len - 1);
    }
}
