import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CheckboxField, Field } from './field';

describe('Field', () => {
  it('ties the label, the description and the control together', () => {
    render(
      <Field label="Bucket name" description="6 to 63 characters.">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Bucket name');
    expect(input).toHaveAccessibleDescription('6 to 63 characters.');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('when there is an error, marks the control invalid and announces the error', () => {
    render(
      <Field label="Bucket name" description="6 to 63 characters." error="Add 2 more.">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Bucket name');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('6 to 63 characters. Add 2 more.');
    expect(input).toHaveAccessibleErrorMessage('Add 2 more.');
    expect(screen.getByRole('alert')).toHaveTextContent('Add 2 more.');
  });

  it('shows what is given as a footer under the error', () => {
    render(
      <Field label="Bucket name" error="Taken." footer={<button type="button">Use another</button>}>
        {(control) => <input {...control} />}
      </Field>,
    );
    const error = screen.getByRole('alert');
    const footer = screen.getByRole('button', { name: 'Use another' });
    // Under it: the footer follows the error in the page.
    expect(error.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('CheckboxField', () => {
  it('labels the checkbox and describes it', () => {
    render(
      <CheckboxField label="I have saved the application key" description="Until then we ask.">
        {(control) => <input {...control} type="checkbox" />}
      </CheckboxField>,
    );
    const box = screen.getByRole('checkbox', { name: 'I have saved the application key' });
    expect(box).toHaveAccessibleDescription('Until then we ask.');
  });
});
