package io.outboundcalls.telephony.relay;

import java.util.Locale;

/** Why a conversation ended, as stored in {@code telephony.conversations.ended_by}. */
enum EndedBy {
    END_CALL, OPT_OUT, TRANSFER, SILENCE, TURN_LIMIT, LLM_ERROR, CALLEE_HUNG_UP;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
