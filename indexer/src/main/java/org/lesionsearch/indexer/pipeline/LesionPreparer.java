package org.lesionsearch.indexer.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.indexer.patch.BodyExtent;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.patch.LesionSlices;
import org.lesionsearch.indexer.patch.PatchExtractor;
import org.lesionsearch.indexer.patch.SliceCache;
import org.lesionsearch.indexer.patch.ThumbnailRenderer;
import org.lesionsearch.indexer.source.LesionCandidate;
import org.lesionsearch.indexer.source.Rejection;
import org.lesionsearch.indexer.source.SeriesWork;

/**
 * Decodes the slices of one series once and cuts every lesion's patches and thumbnail from
 * them. A lesion whose key slice cannot be read, or whose box lies off the slice, is rejected;
 * a missing neighbour only makes its patch fall back to the key slice.
 */
public final class LesionPreparer {

    /** Slices kept decoded per series; lesions come sorted by key slice, so neighbours are reused. */
    static final int SLICES_PER_SERIES = 24;

    private final PatchExtractor extractor;
    private final ThumbnailRenderer thumbnails;
    private final int cachedSlices;

    /** @param thumbnails the renderer, or {@code null} for no thumbnails */
    public LesionPreparer(PatchExtractor extractor, ThumbnailRenderer thumbnails) {
        this(extractor, thumbnails, SLICES_PER_SERIES);
    }

    /** @param cachedSlices slices kept decoded per series; 0 decodes every slice for every lesion */
    public LesionPreparer(PatchExtractor extractor, ThumbnailRenderer thumbnails, int cachedSlices) {
        this.extractor = extractor;
        this.thumbnails = thumbnails;
        this.cachedSlices = cachedSlices;
    }

    /** What came of one series. */
    public record SeriesOutcome(List<PreparedLesion> prepared, List<Rejection> rejected, int slicesDecoded) {
    }

    public SeriesOutcome prepare(SeriesWork work) {
        SliceCache cache = new SliceCache(work.loader(), cachedSlices);
        List<PreparedLesion> prepared = new ArrayList<>(work.lesions().size());
        List<Rejection> rejected = new ArrayList<>();
        for (LesionCandidate candidate : work.lesions()) {
            try {
                prepared.add(prepare(candidate, cache));
            } catch (IOException | RuntimeException e) {
                rejected.add(new Rejection(candidate.id(), candidate.file(), reason(e)));
            }
        }
        return new SeriesOutcome(prepared, rejected, cache.decoded());
    }

    private PreparedLesion prepare(LesionCandidate candidate, SliceCache cache) throws IOException {
        HuSlice key = cache.get(candidate.keySlice());
        Lesion lesion = candidate.lesion();
        BoundingBox box = lesion.boundingBox();
        if (!(box.centerX() >= 0 && box.centerX() < key.width() && box.centerY() >= 0 && box.centerY() < key.height())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bounding box (%.1f, %.1f, %.1f, %.1f) lies outside the %dx%d key slice",
                    box.x1(), box.y1(), box.x2(), box.y2(), key.width(), key.height()));
        }
        LesionSlices slices = LesionSlices.keyOnly(key);
        if (candidate.below() != null && candidate.above() != null) {
            HuSlice below = optional(cache, candidate.below()), above = optional(cache, candidate.above());
            if (below != null && above != null) {
                slices = new LesionSlices(key, below, above);
            }
        }
        var patches = extractor.extract(candidate.id(), slices, box.centerX(), box.centerY());
        byte[] png = thumbnails == null ? null
                : thumbnails.renderPng(key, box, lesion.recist() == null ? null : lesion.recist().endpointsPx(),
                        candidate.displayWindow());
        double bodyX = Double.NaN, bodyY = Double.NaN;
        if (lesion.location() == null) {
            Optional<BodyExtent> body = BodyExtent.of(key);
            if (body.isPresent()) {
                bodyX = body.get().normalizeX(box.centerX());
                bodyY = body.get().normalizeY(box.centerY());
            }
        }
        return new PreparedLesion(lesion, candidate.file(), patches, png, bodyX, bodyY);
    }

    private static HuSlice optional(SliceCache cache, String sliceKey) {
        try {
            return cache.get(sliceKey);
        } catch (IOException e) {
            return null;
        }
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
