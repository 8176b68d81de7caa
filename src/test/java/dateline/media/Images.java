package dateline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real image files for tests, made with ImageIO, and a few deliberately wrong ones. */
public final class Images {
    /** A 600 × 400 lossy WebP: a colour gradient, encoded with libwebp's cwebp. */
    private static final String WEBP_600_X_400 = ""
            + "UklGRoQHAABXRUJQVlA4IHgHAAAwSQCdASpYApABPtFosFMoJaSioAgBABoJaW7gxAO6dgHqPhEf9j/udcf7V+65UC//6jVgn/er"
            + "BwD/4l8ABX1YCrJtsBVk22AqybbAVZNtgKsm2Z1PO06Lip+9JbbFnqx43X57/lrQ5/BOTW8Q6ycv//7Ntgb5v4hu89RU/eeov/rq"
            + "dneeoqfvPUVP3nqKn7z1FT956ip93aip+89RU/eeoqfvPUVP3nqKn7zzVxyYfojrJtsBVk22AqybbAVZNtgKaJ+iOsm2wFWTbYCr"
            + "JtsBVk22Aqya8gqybbAVZNtgKsm2wFWTbYCrJtsAkaP0R1k22AqybbAVZNtgKsm2wFWSKBHWTbYCrJtsBVk22AqybbAVZNtkXXee"
            + "oqtQh1k22AqybbAVZNtgKsm2Zmsm2wFWTbYCrJtsBVk22AqybbAUzX9EdZNtgKst9T4IuKn7z1FT956iiKCLip+89RU/efPxDd56"
            + "ip+89RU/c4BU/eeoqfvPUVP3nqKn7z1FT956gBd56ip+89RU/eeoqfvPUVP3nqKn3dqKn7z5LWPEOsm2wFWWaH6G7z1FTOz1FT95"
            + "6ip+89RU/eeoqfvPUVP3meVQL86ybbAVZNtgKsm2wFWTbYCrJFAjrJtsBVk22AqybbAVZNtgKsm3ve7UVP3nqKn7z1FT956ip+89"
            + "RU/eeauN6G7z1FT956ip+89RU/eeoqfvPNSsBVk22AqybbAVZNtgKsm2wFWTbMzWTbYCrJtsBVk22AqybbAWu+eoqZ2eoqfvPUVP"
            + "3nqKn7z1FT956ip+8fAA/u2dzP/nb/nX/qf+1WLI7QFczauh8TLqrPbWcIhEZiKXeHSePjX1Q6q1jlHEIpE89d/7501Bs4WPJnR8"
            + "COnbED4lK8fP0sFy8Q70tjmtDRUQZqXzZqtAYUpSYqP6OUamSqHpQbH3nbIDSUkEsFaBtVAvLxZKDR1/YKfibMR39mL+id/nhV2+"
            + "f+K88SF/G+gAJ7ZPUWyoIJR4v5eOX7XiC71fyfgE3qGCZihewJs6UC22aonsBZ29YUN5lwdal2B5uSgH1nC0OoX59G7N0G+n04Ye"
            + "RCPOIidP/AsChG4ITydWkwi1oymFw+SA89jejR5JoqjKbKk3s/+u2/qxHs4u0nCi0S5mAZb2jNVlW7SBHnsAMGuWsv8j6fRFuJII"
            + "e9FgbX7CexwEa600dQsgxcFSygGNJ8k6CXKZwSHpCU2EpM3BpCS2/dMQ9KrS5M0pONf7S6LEAWwpZjdquvEJndvqKGPpg4NbJh6O"
            + "H1WFzNR1yd+NR5sPf82pTEP94+keB55i/629sbCpIeN6Ul5z6pZlXrBeHT537gugwuX25QDEtvaFw9/f/fSksf5j1o5R/fLJ2dWD"
            + "+EMjH86UwHjcYQ7ZUIX5GYgaM4bW8H8c8pXUGlz7W5UG4A6037bvx1N6TWIo42WxI6r7KMg8HDQZ1D/2gF/QjAGQqFxoYiaDpQHI"
            + "49XjqJkOc3ELJV/O1lykx/lpFY+XC3aQM5ZVza9/43ieU8jz6ENQZLp1II2dPHD0hdZv/WS30h3mKYsJl/MHa9nLZZY8cyi25SjX"
            + "ymALALvoC8bfGG3wqE0LplRfdlcihO5tzf2K9u654WgmSnNm2vxF03Iz/aRMGS5uYQ50q8frxdIoHjcnyscZ5m/FOOSKWKRDg/wA"
            + "9qkFTcxAYgxuXCCb25sakDQBC/6Mb8r9Viv4Q1lk4BlEkjN6A79WoMK4fzNgP+EdyTk6XC3edfX70Pv6OpjWqKY17jm1T1G7eSkO"
            + "U131YmoV/7dBAkYci9SK0msygmKNMr5oMRPYzeamoaoBSQT8/GNI1OSQHtg4R1CWlSj5CUWF+n8jNvgx2isR/JzXplIazn0awwyb"
            + "5c8yT01VsMNKeIiTA0PdTmMv8v7mmQ9MC2tmpLGs7qHbmKjSuhx4ZilnszJwTSIqFyB6Ab6nYyYUyJzWsPBjce7hRfwvS0d3iVyi"
            + "DMWOaoW8sYWj+Y/kdCRlNlXDzG0Dw3SGyue88OcQ2EVakag5OGjqfeuh841/vJjRcjr2Yipp+cla6bRtMaXi82Utdh1HEzo8Gf8P"
            + "2dY2e8HoV0ur+vOOKZ07n+20aJwCIfPWUMMSE3oQlheiJfKEqHxix7a04m389HMtaIbdj8QESU/gOms8BcmFy2tIakJwEQsRu9mF"
            + "Pn45mN6DcomeqddfCvrNiprc3ZIOvMur0NLFtkWNW+F3ooxCY1E/28IfbjMktSRFqowWjml8OA/Yzt1gssTK5pg2LKdY6lA0IKxw"
            + "y0VpVHpNnBFy/BrpUu4/VeySUAxTPdnwaYoGIUNLt6YDl4vq97YZO7koKScjB6iLlJa+j31Xa6ud4GV6IIyWpqqxBbA6fjeTypip"
            + "z+ap5IE8an0w7T6nUZWUZ09d8iTqSXHfVpR943jFlek4WsSozO/pYNzIWEouXT84xkLkDuA84wq9Q6zvlidMotQqQ6sGGSpvx60l"
            + "XAyx0eBu4Bln/7EXVoGpLu8In0N0DAZ6SzEu5q98UOoFccLVJEXsbknBtiurSRYkd8uMfdl0/4AA";

    private Images() {}

    /** A photo-like JPEG; different sizes give different bytes. */
    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A PNG whose top half is transparent. */
    static byte[] pngWithTransparency(int width, int height) {
        BufferedImage image = picture(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height / 2; y++) {
            for (int x = 0; x < width; x++) image.setRGB(x, y, 0x00000000);
        }
        return encode(image, "png");
    }

    static byte[] opaquePng(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] gif(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    static byte[] webp600x400() {
        return Base64.getDecoder().decode(WEBP_600_X_400);
    }

    /**
     * The JPEG with an Exif segment spliced in after its start marker, as a phone writes one: the
     * orientation, and the GPS position where it was taken (48°51'29.52" N).
     */
    static byte[] withExif(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);                                                 // first directory, at 8
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);   // where the GPS directory is
        tiff.putInt(0);
        tiff.putShort((short) 2);                                                 // GPS directory, at 38
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put(new byte[3]);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(2952).putInt(100);  // at 68
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer spliced = ByteBuffer.allocate(jpeg.length + 4 + exif.length + tiff.capacity());
        spliced.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length + tiff.capacity()))
                .put(exif).put(tiff.array()).put(jpeg, 2, jpeg.length - 2);
        return spliced.array();
    }

    /** A PNG whose header claims the given size, with almost no pixel data behind it. */
    static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the bytes contain the text, in ASCII. */
    static boolean containsText(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** A gradient with a dark square in the top left corner, so that turning and mirroring can be seen. */
    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xFF000000 | (40 + x * 200 / width) << 16 | (40 + y * 200 / height) << 8 | 160);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4));
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("No writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
