import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { Field } from './field';
import { NumberInput, TextInput } from './text-input';

describe('TextInput', () => {
  it('takes a name or a path: no spelling marks, capitals or remembered values', () => {
    render(<Field label="Bucket name">{(control) => <TextInput {...control} />}</Field>);
    const input = screen.getByRole('textbox', { name: 'Bucket name' });
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(input).toHaveAttribute('spellcheck', 'false');
    expect(input).toHaveAttribute('autocapitalize', 'none');
    expect(input).not.toHaveAttribute('inputmode');
  });

  it('keeps what the caller says, the Field’s description and the form’s ref', () => {
    const ref = createRef<HTMLInputElement>();
    render(
      <Field label="Application key ID" description="From the dashboard." error="Too short.">
        {(control) => (
          <TextInput {...control} autoComplete="username" name="applicationKeyId" ref={ref} />
        )}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Application key ID' });
    expect(input).toHaveAttribute('autocomplete', 'username');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('From the dashboard. Too short.');
    expect(ref.current).toBe(input);
  });

  it('brings the address keyboard for a URL', () => {
    render(<Field label="Origin">{(control) => <TextInput {...control} type="url" />}</Field>);
    const input = screen.getByRole('textbox', { name: 'Origin' });
    expect(input).toHaveAttribute('type', 'url');
    expect(input).toHaveAttribute('inputmode', 'url');
  });
});

describe('NumberInput', () => {
  it('is a number box with the digits keyboard, short when asked', () => {
    render(<Field label="Days">{(control) => <NumberInput {...control} short min={1} />}</Field>);
    const input = screen.getByRole('spinbutton', { name: 'Days' });
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input).toHaveAttribute('min', '1');
    expect(input).toHaveClass('input--short');
  });

  it('has no class unless asked', () => {
    render(<Field label="Days">{(control) => <NumberInput {...control} />}</Field>);
    expect(screen.getByRole('spinbutton', { name: 'Days' })).not.toHaveAttribute('class');
  });
});
