package io.outboundcalls.app.apikeys;

import io.swagger.v3.oas.annotations.media.Schema;

/** The API key body as the OpenAPI document describes it; {@link ApiKeyController} reads and checks it. */
final class ApiKeyBodies {

    private ApiKeyBodies() {
    }

    @Schema(name = "CreateApiKeyRequest")
    record Create(@Schema(maxLength = 200, example = "production") String name) {
    }
}
