package org.lesionsearch.indexer.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.BoundingBox;

class ThumbnailRendererTest {

    @Test
    void drawsAWindowedCropWithTheRecistDiametersAsAPng() throws IOException {
        HuSlice slice = TestSlices.disk(512, 256, 256, 20, 60f, -1000f, 0.8);
        double[] recist = {236, 256, 276, 256, 256, 240, 256, 272};
        byte[] png = ThumbnailRenderer.defaults().renderPng(slice, new BoundingBox(231, 235, 281, 277), recist, HuWindow.SOFT_TISSUE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(image.getHeight()).isEqualTo(128);
        assertThat(image.getColorModel().getPixelSize()).isEqualTo(24);
        // corners: air through the soft-tissue window is black
        assertThat(image.getRGB(0, 0) & 0xffffff).isZero();
        // the crop is centred on the box, pixel 63 covers its centre 63.5; the long axis runs horizontally through it: red there, gray tissue elsewhere inside the disk
        int centreRow = 63;
        int red = 0;
        for (int x = 40; x < 88; x++) {
            int rgb = image.getRGB(x, centreRow);
            if (((rgb >> 16) & 0xff) > 200 && (rgb & 0xff) < 150) {
                red++;
            }
        }
        assertThat(red).isGreaterThan(20);
        int cyan = 0;
        for (int y = 40; y < 88; y++) {
            int rgb = image.getRGB(63, y);
            if ((rgb & 0xff) > 200 && ((rgb >> 16) & 0xff) < 150) {
                cyan++;
            }
        }
        assertThat(cyan).isGreaterThan(20);
        int tissue = image.getRGB(52, 52);
        assertThat((tissue >> 16) & 0xff).isEqualTo(tissue & 0xff).isBetween(120, 150);
    }

    @Test
    void theFieldGrowsWithTheLesion() {
        HuSlice slice = TestSlices.disk(512, 256, 256, 100, 60f, -1000f, 0.5);
        ThumbnailRenderer r = ThumbnailRenderer.defaults();
        // a 100 mm lesion fits whole: the crop's corners are air
        BufferedImage big = r.render(slice, new BoundingBox(156, 156, 356, 356), null, HuWindow.SOFT_TISSUE);
        assertThat(big.getRGB(2, 2) & 0xff).isZero();
        assertThat(big.getRGB(64, 64) & 0xff).isGreaterThan(100);
    }
}
