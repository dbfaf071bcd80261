"use client";

// Errors beside the fields they name, and the rest once for the whole form. One hook for every form,
// so a refused call marks the same way everywhere: the field's message under it, the field aria-invalid.
import { useState } from "react";
import { errorMessage } from "@/lib/trpc/error-message";
import { fieldErrorsOf } from "@/lib/trpc/field-errors";

export type FormErrors<F extends string> = {
  /** What no field of this form can show: a conflict, a permission, a field the form does not have. */
  message: string | null;
  fields: Partial<Record<F, string>>;
  /** Shows a failed call; returns the fields it marked (a form may unfold the section holding them). */
  show: (failure: unknown) => F[];
  showField: (name: F, message: string) => void;
  showMessage: (message: string) => void;
  clear: () => void;
  errorId: (name: F) => string;
  /** Props for the input: aria-invalid, and aria-describedby pointing at the message (plus any hint). */
  inputProps: (name: F, hintId?: string) => { "aria-invalid"?: true; "aria-describedby"?: string };
};

export function useFormErrors<F extends string>(idBase: string, fieldNames: readonly F[]): FormErrors<F> {
  const [fields, setFields] = useState<Partial<Record<F, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const errorId = (name: F) => `${idBase}-${name}-error`;
  return {
    message,
    fields,
    show(failure) {
      const named = fieldErrorsOf(failure);
      const shown = fieldNames.filter((name) => named[name]);
      setFields(Object.fromEntries(shown.map((name) => [name, named[name]])) as Partial<Record<F, string>>);
      // Said once: beside the fields when they are all here, else for the whole form.
      const isAllShown = Object.keys(named).length > 0 && Object.keys(named).every((name) => (fieldNames as readonly string[]).includes(name));
      setMessage(isAllShown ? null : errorMessage(failure));
      return shown;
    },
    showField: (name, text) => setFields((current) => ({ ...current, [name]: text })),
    showMessage: setMessage,
    clear() {
      setFields({});
      setMessage(null);
    },
    errorId,
    inputProps(name, hintId) {
      const isInvalid = Boolean(fields[name]);
      const describedBy = [isInvalid ? errorId(name) : null, hintId].filter(Boolean).join(" ");
      return { ...(isInvalid ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) };
    },
  };
}

export function FieldError<F extends string>({ errors, name }: { errors: FormErrors<F>; name: F }) {
  const text = errors.fields[name];
  if (!text) return null;
  return (
    <p id={errors.errorId(name)} role="alert" className="text-sm text-destructive">
      {text}
    </p>
  );
}
