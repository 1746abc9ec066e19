package nl.loket.agent;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Reads the single number of old, {@code loket.agents[n].capacity: 3}, as the total capacity, so configurations written
 * before capacity per channel existed keep working unchanged.
 */
@Component
@ConfigurationPropertiesBinding
class CapacityFromNumber implements GenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, AgentAccountProperties.Capacity.class),
                new ConvertiblePair(Number.class, AgentAccountProperties.Capacity.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || source.toString().isBlank()) {
            return null;
        }
        try {
            return AgentAccountProperties.Capacity.total(Integer.parseInt(source.toString().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("loket.agents[n].capacity must be a number or a number per channel "
                    + "(CHAT, PHONE, SMS, WEBFORM, total)", e);
        }
    }
}
