package io.outboundcalls.command.telephony;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A playable recording: RIFF/WAVE, PCM 8 kHz mono 16-bit (telephone quality, 16 kB per second),
 * a quiet 440 Hz tone that pauses every other second so a listener hears that it plays.
 */
final class Wav {

    static final int SAMPLE_RATE = 8000;
    private static final int AMPLITUDE = 1200;

    private Wav() {
    }

    static byte[] tone(long durationMs) {
        int samples = (int) (durationMs * SAMPLE_RATE / 1000);
        ByteBuffer out = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            boolean sounding = (i / SAMPLE_RATE) % 2 == 0;
            double value = sounding ? AMPLITUDE * Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE) : 0;
            out.putShort((short) value);
        }
        return out.array();
    }
}
