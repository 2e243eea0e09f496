package jp.mamori.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills controller parameters of type {@link AccessScope} and {@link MamoriAuthentication}. */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> t = parameter.getParameterType();
        return t == AccessScope.class || t == MamoriAuthentication.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request, WebDataBinderFactory binders) {
        MamoriAuthentication m = CurrentUser.require();
        return parameter.getParameterType() == AccessScope.class ? m.scope() : m;
    }
}
