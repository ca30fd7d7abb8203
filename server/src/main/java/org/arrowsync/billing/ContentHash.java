package org.arrowsync.billing;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Computes {@link KnownLine#contentHash} without making its text: each number's plain digits are written into a buffer
 * the thread reuses and digested there (a re-sync hashes every line of the month). The bytes are exactly those of
 * {@code amount|sell|buy|quantity} with each number {@link BigDecimal#stripTrailingZeros() stripped} and
 * {@link BigDecimal#toPlainString() plain}, so the hashes stored by every version compare equal.
 */
final class ContentHash {

    /** Numbers of up to 18 digits are written from a {@code long}; longer ones (none an export sends) as text. */
    private static final int LONG_DIGITS = 18;

    /** A buffer a freak number grew is not kept by its thread. */
    private static final int KEPT_BUFFER = 128;

    private static final ThreadLocal<ContentHash> OF_THREAD = ThreadLocal.withInitial(ContentHash::new);

    private final MessageDigest md5;
    private byte[] bytes = new byte[KEPT_BUFFER];
    private int length;

    private ContentHash() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** {@link UUID#nameUUIDFromBytes} of the numbers' plain texts joined by {@code |}. */
    static UUID of(BigDecimal... numbers) {
        return OF_THREAD.get().digest(numbers);
    }

    private UUID digest(BigDecimal... numbers) {
        length = 0;
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0) {
                put((byte) '|');
            }
            plain(numbers[i]);
        }
        md5.update(bytes, 0, length);
        if (bytes.length > KEPT_BUFFER) {
            bytes = new byte[KEPT_BUFFER];
        }
        byte[] hash = md5.digest();
        // version 3 (name-based, MD5) and the IETF variant, as UUID.nameUUIDFromBytes marks them
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash);
        return new UUID(bits.getLong(), bits.getLong());
    }

    /** What {@code number.stripTrailingZeros().toPlainString()} writes. */
    private void plain(BigDecimal number) {
        if (number.signum() == 0) {
            put((byte) '0');
            return;
        }
        if (number.precision() > LONG_DIGITS) {
            text(number.stripTrailingZeros().toPlainString());
            return;
        }
        // the digits as a whole number, without the BigInteger that unscaledValue() would make
        long unscaled = number.scaleByPowerOfTen(number.scale()).longValue();
        int scale = number.scale();
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        if (unscaled < 0) {
            put((byte) '-');
            unscaled = -unscaled;
        }
        int digits = digits(unscaled);
        if (scale <= 0) {
            // a whole number: its digits, then the zeros the exponent stands for
            writeDigits(unscaled, digits, 0);
            zeros(-scale);
        } else if (digits > scale) {
            // the point falls among the digits
            writeDigits(unscaled, digits, scale);
        } else {
            // below one: "0.", the zeros before the first digit, the digits
            put((byte) '0');
            put((byte) '.');
            zeros(scale - digits);
            writeDigits(unscaled, digits, 0);
        }
    }

    /** The digits of a positive {@code value}, with a point before the last {@code decimals} of them (0: none). */
    private void writeDigits(long value, int digits, int decimals) {
        int size = decimals > 0 ? digits + 1 : digits;
        room(size);
        int at = length + size - 1;
        for (int written = 0; written < digits; written++) {
            if (decimals > 0 && written == decimals) {
                bytes[at--] = '.';
            }
            bytes[at--] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += size;
    }

    private static int digits(long positive) {
        int digits = 1;
        for (long bound = 10; digits < 19 && positive >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    private void zeros(int count) {
        room(count);
        Arrays.fill(bytes, length, length + count, (byte) '0');
        length += count;
    }

    private void text(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        room(ascii.length);
        System.arraycopy(ascii, 0, bytes, length, ascii.length);
        length += ascii.length;
    }

    private void put(byte b) {
        room(1);
        bytes[length++] = b;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
