package org.mailroom.delivery;

import org.mailroom.db.Database;
import org.mailroom.db.Dialect;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

/**
 * Quartz with its JDBC job store on our own database and pool: start times survive restarts; one that passed
 * while the service was down fires at once on start-up (misfire: fire now). Clustered on PostgreSQL, so a
 * schedule fires once among several nodes. Only {@code serve} (or {@code send --wait}) starts it; the command
 * line only writes triggers into the store.
 */
public final class QuartzScheduling implements CampaignScheduler, AutoCloseable {
    static final String NAME = "mailroom";
    private static final String GROUP = "campaigns";
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();
    private final Scheduler scheduler;
    private final boolean owned;

    private QuartzScheduling(Scheduler scheduler, boolean owned) {
        this.scheduler = scheduler;
        this.owned = owned;
    }

    public static QuartzScheduling open(Database db, CampaignService campaigns) {
        try {
            Scheduler existing = SchedulerRepository.getInstance().lookup(NAME);
            if (existing != null && !existing.isShutdown()) return bind(new QuartzScheduling(existing, false), campaigns);
            String ds = "mailroom-" + DATA_SOURCES.incrementAndGet();
            DBConnectionManager.getInstance().addConnectionProvider(ds, new Pool(db));
            Scheduler s = new StdSchedulerFactory(properties(db.dialect(), ds)).getScheduler();
            return bind(new QuartzScheduling(s, true), campaigns);
        } catch (SchedulerException e) {
            throw new DeliveryException("cannot open the scheduler on " + db.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    private static QuartzScheduling bind(QuartzScheduling q, CampaignService campaigns) throws SchedulerException {
        q.scheduler.getContext().put(CampaignService.class.getName(), campaigns);
        return q;
    }

    static Properties properties(Dialect dialect, String dataSource) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // a trigger written by another process (the command line) is seen within this time
        p.setProperty("org.quartz.scheduler.idleWaitTime", "2000");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", dialect == Dialect.POSTGRESQL
            ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(dialect == Dialect.POSTGRESQL));
        return p;
    }

    /** The Quartz scheduler itself, for other features' jobs (the bounce mailbox poll). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Starts firing (serve only). */
    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new DeliveryException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    public boolean isStarted() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    @Override
    public void schedule(long campaignId, Instant at) {
        JobDetail job = newJob(StartCampaignJob.class).withIdentity(key(campaignId))
            .usingJobData("campaignId", String.valueOf(campaignId)).requestRecovery().build();
        Trigger trigger = newTrigger().withIdentity("campaign-" + campaignId, GROUP).startAt(Date.from(at))
            .withSchedule(simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new DeliveryException("campaign " + campaignId + ": cannot schedule: " + e.getMessage(), e);
        }
    }

    @Override
    public void unschedule(long campaignId) {
        try {
            scheduler.deleteJob(key(campaignId));
        } catch (SchedulerException e) {
            throw new DeliveryException("campaign " + campaignId + ": cannot unschedule: " + e.getMessage(), e);
        }
    }

    private static JobKey key(long campaignId) {
        return JobKey.jobKey("campaign-" + campaignId, GROUP);
    }

    @Override
    public void close() {
        if (!owned) return;
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            // shutting down anyway
        }
    }

    /** The Quartz job: a few lines around {@link CampaignService#start}. */
    public static final class StartCampaignJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                CampaignService campaigns = (CampaignService) context.getScheduler().getContext().get(CampaignService.class.getName());
                campaigns.start(Long.parseLong(context.getMergedJobDataMap().getString("campaignId")));
            } catch (SchedulerException | RuntimeException e) {
                throw new JobExecutionException("starting campaign: " + e.getMessage(), e, false);
            }
        }
    }

    /** Quartz borrows connections from our pool instead of opening its own. */
    private record Pool(Database db) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return db.connection();
        }

        @Override
        public void shutdown() {}

        @Override
        public void initialize() {}
    }
}
