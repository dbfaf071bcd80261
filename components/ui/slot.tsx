import { Children, cloneElement, isValidElement, type ReactNode, type Ref, type RefCallback } from "react";
import { cn } from "@/lib/cn";

type Props = Record<string, unknown> & { children?: ReactNode; ref?: Ref<HTMLElement> };

function composeRefs(refs: (Ref<HTMLElement> | undefined)[]): RefCallback<HTMLElement> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    }
  };
}

/**
 * Renders its one child element with these props merged in, so a `<Link>` can take a button's looks
 * and behaviour (`<Button asChild>`). The child's own props win, except that class names join, styles
 * merge, both event handlers run (the child's first) and both refs are set.
 */
export function Slot({ children, ref, ...props }: Props) {
  const child = Children.only(children);
  if (!isValidElement<Props>(child)) return null;
  const own = child.props;
  const merged: Props = { ...props, ...own };
  for (const [key, value] of Object.entries(props)) {
    const childValue = own[key];
    if (/^on[A-Z]/.test(key) && typeof value === "function" && typeof childValue === "function") {
      merged[key] = (...args: unknown[]) => {
        childValue(...args);
        value(...args);
      };
    }
  }
  merged.className = cn(props.className as string | undefined, own.className as string | undefined) || undefined;
  if (props.style || own.style) merged.style = { ...(props.style as object), ...(own.style as object) };
  if (ref && own.ref) merged.ref = composeRefs([ref, own.ref]);
  else if (ref) merged.ref = ref;
  return cloneElement(child, merged);
}
