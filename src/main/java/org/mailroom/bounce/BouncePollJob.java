package org.mailroom.bounce;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import java.util.Set;

/**
 * Quartz's part in reading the bounce mailbox: when. The poller itself is a plain object kept in the
 * scheduler's context (not in the job's data, which the JDBC job store would have to serialise), so the
 * job survives restarts as a schedule and finds the live poller of this process.
 */
@DisallowConcurrentExecution
public final class BouncePollJob implements Job {
    public static final JobKey KEY = JobKey.jobKey("bounce-poll", "bounce");
    static final String CONTEXT_KEY = "mailroom.bounce.poller";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            MailboxPoller poller = (MailboxPoller) context.getScheduler().getContext().get(CONTEXT_KEY);
            if (poller != null) poller.pollOnce();
        } catch (SchedulerException | BounceException e) {
            // Quartz reports a failed job only at INFO, which the default log hides: an unreachable mailbox must show
            org.slf4j.LoggerFactory.getLogger(BouncePollJob.class).warn("bounce mailbox not read, trying again at the next poll: {}", e.getMessage());
            throw new JobExecutionException(e.getMessage(), false); // the next firing tries again
        }
    }

    /** Puts the poller in the scheduler's context and (re)schedules the job every {@code pollSeconds}. */
    public static void register(Scheduler scheduler, MailboxPoller poller, int pollSeconds) throws SchedulerException {
        scheduler.getContext().put(CONTEXT_KEY, poller);
        JobDetail job = JobBuilder.newJob(BouncePollJob.class).withIdentity(KEY).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("bounce-poll", "bounce").forJob(KEY).startNow()
            .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(Math.max(1, pollSeconds)).withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
    }

    /** Removes the schedule (the mailbox setting was emptied): the JDBC job store would otherwise keep firing it. */
    public static void unregister(Scheduler scheduler) throws SchedulerException {
        scheduler.deleteJob(KEY);
        scheduler.getContext().remove(CONTEXT_KEY);
    }
}
