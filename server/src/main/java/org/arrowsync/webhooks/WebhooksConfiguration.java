package org.arrowsync.webhooks;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    @Bean
    SmartLifecycle deliveryQueueLifecycle(DeliveryQueue queue) {
        return queue.lifecycle();
    }
}
