package dev.concierge.adapter.web.widget;

import dev.concierge.application.port.in.LoadWidgetUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * The public widget endpoints: per-tenant CORS, the typed tenant argument, and the widget's configuration. Needs a
 * {@link LoadWidgetUseCase} bean.
 */
@Configuration(proxyBeanMethods = false)
public class WidgetWebConfiguration implements WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new WidgetTenantArgumentResolver());
    }

    @Bean
    WidgetOriginFilter widgetOriginFilter(LoadWidgetUseCase loadWidget) {
        return new WidgetOriginFilter(loadWidget);
    }

    @Bean
    WidgetController widgetController() {
        return new WidgetController();
    }
}
