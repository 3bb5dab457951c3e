package io.outboundcalls.app.config;

import io.outboundcalls.command.account.AccountRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v1/openapi.json. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // resolved from the API key, never sent by clients
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccountRegistry.Principal.class, HttpServletRequest.class);
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info().title("OutboundCalls API").version("v1")
                        .description("AI voice agents on outbound phone campaigns. See API.md for the full contract."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("sk_live_… API key")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
