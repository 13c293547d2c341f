/**
 * The matrix of a component's variants: every variant side by side, in full
 * and in reduced motion, each cell its own visitor.
 */
import { useState, type ReactNode } from 'react'
import { createAttune, PersonalizationProvider, withDecisions, type MotionSetting, type Variants } from '../../src'

/** The two columns of the matrix. */
export const MATRIX_MOTIONS = ['full', 'reduced'] as const
export type MatrixMotion = (typeof MATRIX_MOTIONS)[number]

/** The name of a matrix cell, such as "shopper, reduced motion": landmarks and controls in the cells must be told apart. */
export const cellLabel = (key: string, motion: MatrixMotion) => `${key}, ${motion} motion`

/** What a matrix cell renders with: its variant key, its motion, and its name. */
export interface MatrixCell {
  key: string
  motion: MatrixMotion
  label: string
}

/**
 * Every variant side by side, in full and in reduced motion: each cell is its
 * own visitor, whose `default` is that variant.
 */
export function VariantMatrix<V>({ variants, render }: { variants: Variants<V>; render: (variants: Variants<V>, cell: MatrixCell) => ReactNode }) {
  return (
    <table style={{ borderCollapse: 'separate', borderSpacing: 16 }}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>Every variant, in full and in reduced motion</caption>
      <thead>
        <tr>
          <th scope="col">Variant</th>
          {MATRIX_MOTIONS.map((motion) => (
            <th key={motion} scope="col">
              {motion === 'full' ? 'Full motion' : 'Reduced motion'}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Object.entries(variants).map(([key, variant]) => (
          <tr key={key}>
            <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top' }}>
              {key}
            </th>
            {MATRIX_MOTIONS.map((motion) => (
              <td key={motion} style={{ verticalAlign: 'top' }}>
                <Cell motion={motion === 'full' ? 'full' : 'reduce'}>{render({ default: variant }, { key, motion, label: cellLabel(key, motion) })}</Cell>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Cell({ motion, children }: { motion: MotionSetting; children: ReactNode }) {
  const [attune] = useState(() => withDecisions(createAttune({ storage: 'memory', schedule: 'sync' }), { budget: 1000 }))
  return (
    <PersonalizationProvider attune={attune} motion={motion}>
      {children}
    </PersonalizationProvider>
  )
}
