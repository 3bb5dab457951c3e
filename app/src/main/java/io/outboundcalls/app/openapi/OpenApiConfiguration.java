package io.outboundcalls.app.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.command.account.AccountRegistry;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v1/openapi.json, checked in as docs/openapi.json and used by the build to
 * generate a Java client. Controllers name their operations and bodies; {@link ProblemResponses} and
 * {@link Pagination} add what every operation of a kind shares.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SECURITY_SCHEME = "apiKey";

    static {
        // resolved from the API key, never sent by clients
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccountRegistry.Principal.class, HttpServletRequest.class);
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info().title("OutboundCalls API").version("v1")
                        .description("AI voice agents on outbound phone campaigns. The reference is docs/api.md in the repository."))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("sk_live_…")
                                .description("An API key: Authorization: Bearer sk_live_…")))
                // a fixed server rather than the one a request came to, so the document is the same everywhere
                .servers(List.of(new Server().url("http://localhost:8080").description("The service started as in the README")))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    /** Schemas read with the service's own mapper, so their properties are snake_case as on the wire. */
    @Bean
    ModelResolver modelResolver(ObjectMapper objectMapper) {
        return new ModelResolver(objectMapper);
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    Pagination pagination() {
        return new Pagination();
    }

    /** The Problem schema every 4xx refers to; tags sorted so the checked-in document stays stable. */
    @Bean
    OpenApiCustomizer problemSchemaAndTagOrder() {
        return openApi -> {
            openApi.getComponents().addSchemas(ProblemResponses.SCHEMA_NAME, ProblemResponses.schema());
            if (openApi.getTags() != null) {
                openApi.getTags().sort(java.util.Comparator.comparing(io.swagger.v3.oas.models.tags.Tag::getName));
            }
        };
    }
}
