package io.outboundcalls.console.member;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creating a member claims its email in {@code console.member_emails} (UNIQUE) in the command's
 * own transaction: two operators adding the same address at once cannot both succeed.
 */
@Component
class MemberCommandHandler {

    private final Repository<Member> repository;
    private final JdbcTemplate jdbc;

    MemberCommandHandler(Repository<Member> repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @CommandHandler
    String handle(CreateMemberCommand command) throws Exception {
        int claimed = jdbc.update("insert into console.member_emails (email, member_id) values (?, ?) on conflict do nothing",
                command.email(), command.memberId());
        if (claimed == 0) {
            throw new CommandRejectedException(Kind.CONFLICT, "email_taken", "email",
                    "A member with the email '" + command.email() + "' exists already");
        }
        repository.newInstance(() -> new Member(command));
        return command.memberId();
    }
}
