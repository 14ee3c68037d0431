package org.stocktake.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Drains the outbox every {@code stocktake.notify.send-every}, the first time that long after start. */
@Configuration
@EnableScheduling
class NotifyConfiguration implements SchedulingConfigurer {

    private final OutboxSender sender;
    private final NotifySettings settings;

    NotifyConfiguration(OutboxSender sender, NotifySettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(sender::sendDue, settings.sendEvery(), settings.sendEvery()));
    }
}
