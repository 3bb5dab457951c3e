package io.outboundcalls.telephony.relay;

import static io.outboundcalls.platform.NamedThreads.numbered;

import io.outboundcalls.telephony.PlacedCalls;
import io.outboundcalls.telephony.llm.LlmClient;
import io.outboundcalls.telephony.twilio.TwilioProperties;
import io.outboundcalls.telephony.twilio.TwilioSignature;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The ConversationRelay endpoint, served only when Twilio is the provider. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "twilio")
public class RelayConfiguration implements WebSocketConfigurer, DisposableBean {

    /** The path our TwiML points ConversationRelay at, under {@code public-base-url}. */
    public static final String PATH = "/telephony/twilio/relay";

    private final TwilioProperties twilio;
    private final PlacedCalls placedCalls;
    private final ConversationServices services;

    RelayConfiguration(TwilioProperties twilio, PlacedCalls placedCalls, LlmClient llm, CommandGateway commands,
                       ConversationEnding ending, ConversationSettings settings) {
        this.twilio = twilio;
        this.placedCalls = placedCalls;
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, numbered("conversation-timers"));
        timers.setRemoveOnCancelPolicy(true);
        this.services = new ConversationServices(llm, commands, ending, timers, settings);
    }

    /** {@code wss://…/telephony/twilio/relay} for an https base URL, {@code ws://…} for http. */
    public static String relayUrl(String publicBaseUrl) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base.replaceFirst("^https:", "wss:").replaceFirst("^http:", "ws:") + PATH;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        if (twilio.publicBaseUrl() == null || twilio.publicBaseUrl().isBlank()) {
            throw new IllegalStateException("outboundcalls.telephony.twilio.public-base-url must be set when outboundcalls.telephony.provider=twilio");
        }
        if (twilio.authToken() == null || twilio.authToken().isBlank()) {
            throw new IllegalStateException("outboundcalls.telephony.twilio.auth-token must be set when outboundcalls.telephony.provider=twilio");
        }
        registry.addHandler(new RelayHandler(placedCalls, services), PATH)
                .addInterceptors(new RelayHandshakeSignature(new TwilioSignature(twilio.authToken()), relayUrl(twilio.publicBaseUrl())))
                // Twilio is recognized by its signature, not by an Origin header
                .setAllowedOrigins("*");
    }

    @Override
    public void destroy() {
        services.timers().shutdownNow();
    }
}
