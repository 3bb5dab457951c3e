package io.outboundcalls.command.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param speed how many times faster than real time simulated calls run (1 = a live demo) */
@ConfigurationProperties("outboundcalls.telephony.simulator")
public record SimulatorProperties(@DefaultValue("1") double speed) {
}
