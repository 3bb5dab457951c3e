package io.outboundcalls.app.projections;

import io.outboundcalls.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which processing groups may be replayed, as each declares it: a group whose handler classes are
 * all {@link ReadModel}s may be (its reset handlers clear what the replay builds again); any other
 * streaming group may have side effects a replay would repeat (dial contacts, settle credits,
 * send every past webhook), and a subscribing group has no token to reset. The same declaration
 * decides which groups get a dead-letter queue ({@link ProjectionDeadLetters}, {@link HandlerSavepoints}).
 */
@Component
class Rebuildability {

    static final String SUBSCRIBING = "runs in the command's transaction (subscribing) and has no position to reset";
    static final String NOT_A_READ_MODEL = "is not declared a read model (@ReadModel): it may have side effects"
            + " that a replay would repeat (dialing, commands, webhooks)";

    private final ListableBeanFactory beans;
    private volatile Set<String> readModels;

    Rebuildability(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** @return why the group must not be rebuilt, or null when it may */
    String refusal(String group, boolean subscribing) {
        if (subscribing) {
            return SUBSCRIBING;
        }
        return readModelGroups().contains(group) ? null : NOT_A_READ_MODEL;
    }

    /** The groups every handler class of which is declared a {@link ReadModel}. */
    Set<String> readModelGroups() {
        Set<String> groups = readModels;
        if (groups == null) {
            groups = Set.copyOf(readModelGroups(beans));
            readModels = groups;
        }
        return groups;
    }

    private static Set<String> readModelGroups(ListableBeanFactory beans) {
        Map<String, Boolean> declared = new TreeMap<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(name);
            ProcessingGroup group = type == null ? null : AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group != null) {
                declared.merge(group.value(), AnnotationUtils.findAnnotation(type, ReadModel.class) != null,
                        Boolean::logicalAnd);
            }
        }
        Set<String> groups = new TreeSet<>();
        declared.forEach((group, readModel) -> {
            if (readModel) {
                groups.add(group);
            }
        });
        return groups;
    }
}
