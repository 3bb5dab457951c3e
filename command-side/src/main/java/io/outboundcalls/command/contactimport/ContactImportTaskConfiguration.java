package io.outboundcalls.command.contactimport;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task that runs imports: persistent in PostgreSQL, so an import whose node died
 * is revived on any node once its heartbeat goes stale, and resumes from its last committed batch.
 */
@Configuration(proxyBeanMethods = false)
class ContactImportTaskConfiguration {

    static final String TASK_NAME = "contact-import";

    @Bean
    OneTimeTask<String> contactImportTask(ContactImportJob job) {
        return Tasks.oneTime(TASK_NAME, String.class).execute((instance, context) -> job.run(instance.getData()));
    }
}
